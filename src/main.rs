use clap::Parser;

fn main() {
    let cli = helpcenter::cli::Cli::parse();
    std::process::exit(helpcenter::cli::run(cli));
}
