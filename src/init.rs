//! `helpcenter init DIR`: a new site that builds as it is, to edit from there.

use std::path::Path;

use crate::error::{Diagnostic, display_path};

/// Writes a new site into `dir`, which must be empty or not exist: refusing is the only way
/// to be sure no file of the user's is overwritten.
pub fn create(dir: &Path, language: &str) -> Result<(), Diagnostic> {
    if let Some(problem) = unreachable_folder(dir) {
        return Err(problem.hint("name a new folder, e.g. `helpcenter init my-help-center`"));
    }
    if dir.is_file() {
        return Err(
            Diagnostic::error(format!("{} is a file, not a folder", display_path(dir)))
                .hint("name a new folder, e.g. `helpcenter init my-help-center`"),
        );
    }
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(format!(
            "{} already exists and is not empty",
            display_path(dir)
        ))
        .hint("name a new folder, e.g. `helpcenter init my-help-center`"));
    }
    let zh = language.to_ascii_lowercase().starts_with("zh");
    let files: Vec<(&str, String)> = if zh {
        vec![
            ("helpcenter.yaml", format!("title: 帮助中心\ndescription: 常见问题与操作指南\nlanguage: {language}\n# base_url: https://help.example.com/\ncontact:\n  title: 联系客服\n  text: 没有找到答案？在 App 内打开“帮助中心”，点击“联系客服”。\n")),
            ("content/_index.md", "---\ntitle: 帮助中心\ndescription: 常见问题与操作指南\n---\n\n有什么可以帮你？搜索或浏览下面的分类。\n".to_owned()),
            ("content/getting-started/_index.md", "---\ntitle: 新手入门\ndescription: 第一次使用时需要知道的事\nweight: 10\n---\n".to_owned()),
            ("content/getting-started/first-steps.md", "---\ntitle: 开始使用\ndescription: 三步完成账户设置\ndate: 2024-04-07 15:04:49\ntags: [入门]\nweight: 10\n---\n\n按下面的步骤完成设置。\n\n## 操作步骤\n\n1. **打开应用**：登录你的账户。\n2. **进入设置**：点击右下角的“我”。\n3. **完成设置**：按页面提示操作。\n\n> [!TIP]\n> 每一步都可以单独链接，例如本页地址加上 `#step-2`。\n".to_owned()),
        ]
    } else {
        vec![
            ("helpcenter.yaml", format!("title: Help Center\ndescription: Answers and how-to guides\nlanguage: {language}\n# base_url: https://help.example.com/\ncontact:\n  title: Contact support\n  text: Didn't find an answer? Open Help in the app and tap Contact us.\n")),
            ("content/_index.md", "---\ntitle: Help Center\ndescription: Answers and how-to guides\n---\n\nHow can we help? Search or browse the categories below.\n".to_owned()),
            ("content/getting-started/_index.md", "---\ntitle: Getting started\ndescription: What to know the first time\nweight: 10\n---\n".to_owned()),
            ("content/getting-started/first-steps.md", "---\ntitle: First steps\ndescription: Set up your account in three steps\ndate: 2024-04-07 15:04:49\ntags: [basics]\nweight: 10\n---\n\nFollow these steps.\n\n## Steps\n\n1. **Open the app** and sign in.\n2. **Open Settings** from the Me tab.\n3. **Finish** by following the prompts.\n\n> [!TIP]\n> Each step has its own link, e.g. this page's URL plus `#step-2`.\n".to_owned()),
        ]
    };
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(format!("cannot create {}: {e}", display_path(parent)))
            })?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {e}", display_path(&path))))?;
    }
    Ok(())
}

/// Why no folder can be made at `dir`, in the user's terms: a symbolic link to nothing stands
/// where it would go, or a file stands where one of its parents would be. The system's own
/// words for these ("File exists", "Not a directory") name neither.
fn unreachable_folder(dir: &Path) -> Option<Diagnostic> {
    let shown = display_path(dir);
    if let Ok(meta) = std::fs::symlink_metadata(dir)
        && meta.file_type().is_symlink()
        && !dir.exists()
    {
        let to = std::fs::read_link(dir).map_or_else(|_| "?".to_owned(), |t| display_path(&t));
        return Some(Diagnostic::error(format!(
            "{shown} is a symbolic link to {to}, which does not exist"
        )));
    }
    let parent = dir
        .ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| std::fs::symlink_metadata(a).is_ok())?;
    (!parent.is_dir()).then(|| {
        Diagnostic::error(format!(
            "cannot create {shown}: {} is a file, not a folder",
            display_path(parent)
        ))
    })
}
