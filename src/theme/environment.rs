//! What templates may read of the environment. Tera's `get_env` reads any variable, and a CI
//! machine's environment holds deploy tokens: one line of a template (`{{ get_env(name="TOKEN")
//! }}`), in a change nobody reads closely, would publish one in every page. As Hugo's security
//! policy does for `HUGO_`, templates read only the variables named for them.

use std::collections::HashMap;

use tera::Value;

/// The prefix of the variables a template may read.
pub const PREFIX: &str = "HELPCENTER_";

/// `get_env(name="HELPCENTER_…", default=…)`, Tera's function limited to `PREFIX`.
pub fn get_env(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let name = match args.get("name") {
        Some(Value::String(name)) => name,
        Some(other) => {
            return Err(tera::Error::msg(format!(
                "get_env: `name` must be a string, not {other}"
            )));
        }
        None => return Err(tera::Error::msg("get_env: give the variable's `name`")),
    };
    if !name.starts_with(PREFIX) {
        return Err(tera::Error::msg(format!(
            "get_env: templates read only environment variables whose names start with \
             `{PREFIX}`, and `{name}` does not: a variable of the machine that builds the site \
             (a deploy token) must not end up in its pages. Set `{PREFIX}{name}` to the value \
             the pages should show"
        )));
    }
    match std::env::var(name) {
        Ok(value) => Ok(Value::String(value)),
        Err(_) => args.get("default").cloned().ok_or_else(|| {
            tera::Error::msg(format!(
                "get_env: the environment variable `{name}` is not set; set it, or give a \
                 `default`"
            ))
        }),
    }
}
