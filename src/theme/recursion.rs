//! Templates that would go on without end. Tera follows `{% include %}` and macro calls on the
//! rendering thread's stack and sets no limit of its own: a template that included itself, or a
//! macro that called itself with no way out, overflowed the stack and aborted the process —
//! `build` with no file named, and a running `serve` with it.
//!
//! Include cycles are found when the templates are loaded: nothing in a template can stop one.
//! A macro calling itself is how a tree is drawn (the theme's table of contents), so a macro's
//! depth is counted as it runs instead, and a call past the limit fails the page with an error.

use std::collections::{HashMap, HashSet, VecDeque};

use tera::Tera;
use tera::ast::{Expr, ExprVal, FunctionCall, If, LogicExpr, LogicOperator, MacroCall, Node, WS};

/// Templates a page may draw one inside another, through includes, `extends` and imports: real
/// themes go a handful deep.
pub const MAX_CHAIN: usize = 64;

/// Nested macro calls a page may make. The theme's table of contents goes six deep; a rendering
/// thread's 2 MiB stack held 700 calls of a one-line macro that calls itself, and overflowed
/// by 1,000.
pub const MAX_MACRO_DEPTH: i64 = 100;

/// The argument every macro gets, which each call from a macro's body raises by one.
const DEPTH: &str = "__helpcenter_macro_depth";

/// Makes every macro of `tera` count how deep it is called, and fail past `MAX_MACRO_DEPTH`.
pub fn count_macro_depth(tera: &mut Tera) {
    for template in tera.templates.values_mut() {
        let file = template.name.clone();
        for m in template.macros.values_mut() {
            m.args
                .insert(DEPTH.to_owned(), Some(Expr::new(ExprVal::Int(0))));
            for node in &mut m.body {
                each_call_in_node(node, &mut |call| {
                    call.args.insert(DEPTH.to_owned(), one_deeper());
                });
            }
            m.body.insert(0, stop_past_limit(&m.name, &file));
        }
    }
}

/// `__helpcenter_macro_depth + 1`.
fn one_deeper() -> Expr {
    Expr::new(ExprVal::Math(tera::ast::MathExpr {
        lhs: Box::new(Expr::new(ExprVal::Ident(DEPTH.to_owned()))),
        rhs: Box::new(Expr::new(ExprVal::Int(1))),
        operator: tera::ast::MathOperator::Add,
    }))
}

/// `{% if __helpcenter_macro_depth > MAX or __helpcenter_macro_depth < 0 %}{{ throw(…) }}{% endif %}`.
fn stop_past_limit(name: &str, file: &str) -> Node {
    let compare = |operator, bound| {
        Expr::new(ExprVal::Logic(LogicExpr {
            lhs: Box::new(Expr::new(ExprVal::Ident(DEPTH.to_owned()))),
            rhs: Box::new(Expr::new(ExprVal::Int(bound))),
            operator,
        }))
    };
    // Below 0 too: a call outside a macro may pass the argument itself, and start far down.
    let past = Expr::new(ExprVal::Logic(LogicExpr {
        lhs: Box::new(compare(LogicOperator::Gt, MAX_MACRO_DEPTH)),
        rhs: Box::new(compare(LogicOperator::Lt, 0)),
        operator: LogicOperator::Or,
    }));
    let message = format!(
        "the macro `{name}` of '{file}' is called more than {MAX_MACRO_DEPTH} deep: a macro that \
         calls itself must stop (call it under an `if`, or for each child of a tree)"
    );
    let throw = Expr::new(ExprVal::FunctionCall(FunctionCall {
        name: "throw".to_owned(),
        args: HashMap::from([("message".to_owned(), Expr::new(ExprVal::String(message)))]),
    }));
    Node::If(
        If {
            conditions: vec![(
                WS::default(),
                past,
                vec![Node::VariableBlock(WS::default(), throw)],
            )],
            otherwise: None,
        },
        WS::default(),
    )
}

fn each_call_in_node(node: &mut Node, f: &mut dyn FnMut(&mut MacroCall)) {
    fn body(nodes: &mut [Node], f: &mut dyn FnMut(&mut MacroCall)) {
        for n in nodes {
            each_call_in_node(n, f);
        }
    }
    match node {
        Node::VariableBlock(_, e) => each_call_in_expr(e, f),
        Node::Set(_, s) => each_call_in_expr(&mut s.value, f),
        Node::MacroDefinition(_, m, _) => body(&mut m.body, f),
        Node::Block(_, b, _) => body(&mut b.body, f),
        Node::FilterSection(_, s, _) => {
            each_call_in_function(&mut s.filter, f);
            body(&mut s.body, f);
        }
        Node::Forloop(_, l, _) => {
            each_call_in_expr(&mut l.container, f);
            body(&mut l.body, f);
            if let Some(empty) = &mut l.empty_body {
                body(empty, f);
            }
        }
        Node::If(i, _) => {
            for (_, condition, nodes) in &mut i.conditions {
                each_call_in_expr(condition, f);
                body(nodes, f);
            }
            if let Some((_, nodes)) = &mut i.otherwise {
                body(nodes, f);
            }
        }
        _ => {}
    }
}

fn each_call_in_function(call: &mut FunctionCall, f: &mut dyn FnMut(&mut MacroCall)) {
    for e in call.args.values_mut() {
        each_call_in_expr(e, f);
    }
}

fn each_call_in_expr(e: &mut Expr, f: &mut dyn FnMut(&mut MacroCall)) {
    for filter in &mut e.filters {
        each_call_in_function(filter, f);
    }
    each_call_in_value(&mut e.val, f);
}

fn each_call_in_value(v: &mut ExprVal, f: &mut dyn FnMut(&mut MacroCall)) {
    match v {
        ExprVal::MacroCall(call) => {
            f(call);
            for e in call.args.values_mut() {
                each_call_in_expr(e, f);
            }
        }
        ExprVal::FunctionCall(call) => each_call_in_function(call, f),
        ExprVal::Math(m) => {
            each_call_in_expr(&mut m.lhs, f);
            each_call_in_expr(&mut m.rhs, f);
        }
        ExprVal::Logic(l) => {
            each_call_in_expr(&mut l.lhs, f);
            each_call_in_expr(&mut l.rhs, f);
        }
        ExprVal::In(i) => {
            each_call_in_expr(&mut i.lhs, f);
            each_call_in_expr(&mut i.rhs, f);
        }
        ExprVal::Test(t) => {
            for e in &mut t.args {
                each_call_in_expr(e, f);
            }
        }
        ExprVal::Array(items) => {
            for e in items {
                each_call_in_expr(e, f);
            }
        }
        ExprVal::StringConcat(s) => {
            for v in &mut s.values {
                each_call_in_value(v, f);
            }
        }
        _ => {}
    }
}

/// An include that leads back to the template it is in: (that template, the one it includes,
/// the way back from there, that template last).
pub struct IncludeCycle {
    pub from: String,
    pub to: String,
    pub back: Vec<String>,
    /// The first step is an import of macros, and so is every other: Tera reads an imported
    /// file's own imports as it loads the macros, before any page, and a cycle of them alone
    /// overflowed the stack.
    pub imports: bool,
}

/// What each template names: the templates it includes, the one it extends, the files whose
/// macros it imports. Read once from the templates' trees, for the cycles and for the
/// templates nothing uses.
pub struct Names<'t> {
    by_template: HashMap<&'t str, Named>,
}

#[derive(Default)]
struct Named {
    includes: Vec<String>,
    parent: Option<String>,
    imports: Vec<String>,
}

impl<'t> Names<'t> {
    pub fn of(tera: &'t Tera) -> Names<'t> {
        let by_template = tera
            .templates
            .iter()
            .map(|(name, t)| {
                let mut named = Named {
                    parent: t.parent.clone(),
                    imports: (t.imported_macro_files.iter())
                        .map(|(file, _)| file.clone())
                        .collect(),
                    ..Named::default()
                };
                each_include(&t.ast, &mut |to| named.includes.push(to.to_owned()));
                (name.as_str(), named)
            })
            .collect();
        Names { by_template }
    }

    /// Every template some template names.
    pub fn named(&self) -> HashSet<&str> {
        let mut all = HashSet::new();
        for n in self.by_template.values() {
            all.extend(n.includes.iter().map(String::as_str));
            all.extend(n.parent.as_deref());
            all.extend(n.imports.iter().map(String::as_str));
        }
        all
    }

    /// What each template leads to: the templates it includes, extends or imports.
    fn leads_to(&self) -> HashMap<&str, Vec<&str>> {
        (self.by_template.iter())
            .map(|(&name, n)| {
                let next = (n.includes.iter().chain(&n.parent).chain(&n.imports))
                    .map(String::as_str)
                    .filter(|to| self.by_template.contains_key(to))
                    .collect();
                (name, next)
            })
            .collect()
    }

    /// The templates in an order where each comes before those it leads to, and the ones left
    /// out of it: those on a cycle, or led to from one.
    fn ordered<'a>(leads_to: &HashMap<&'a str, Vec<&'a str>>) -> (Vec<&'a str>, HashSet<&'a str>) {
        let mut waiting: HashMap<&str, usize> = leads_to.keys().map(|&k| (k, 0)).collect();
        for to in leads_to.values().flatten() {
            *waiting.entry(to).or_default() += 1;
        }
        let mut ready: Vec<&str> = (waiting.iter())
            .filter(|&(_, &n)| n == 0)
            .map(|(&k, _)| k)
            .collect();
        ready.sort_unstable();
        let mut order = Vec::with_capacity(leads_to.len());
        while let Some(t) = ready.pop() {
            order.push(t);
            for &to in &leads_to[t] {
                let n = waiting.entry(to).or_default();
                *n -= 1;
                if *n == 0 {
                    ready.push(to);
                }
            }
        }
        let done: HashSet<&str> = order.iter().copied().collect();
        let left = leads_to
            .keys()
            .copied()
            .filter(|t| !done.contains(t))
            .collect();
        (order, left)
    }

    /// The longest way through templates that include, extend or import the next, when it
    /// is longer than `MAX_CHAIN`. Tera draws each inside the one before, on the stack: a chain
    /// of 20,000 overflowed it. (Cycles are left to `cycles`.)
    pub fn too_long_chain(&self) -> Option<Vec<String>> {
        let leads_to = self.leads_to();
        let (order, _) = Self::ordered(&leads_to);
        // (how many templates deep it leads, counting itself; the next on that way).
        let mut depth: HashMap<&str, (usize, Option<&str>)> = HashMap::new();
        for &t in order.iter().rev() {
            let deepest = (leads_to[t].iter())
                .filter_map(|to| depth.get(to).map(|d| (d.0, *to)))
                .max();
            depth.insert(t, deepest.map_or((1, None), |(d, to)| (d + 1, Some(to))));
        }
        let (&start, _) = (depth.iter())
            .filter(|(_, d)| d.0 > MAX_CHAIN)
            .max_by(|x, y| x.1.0.cmp(&y.1.0).then(y.0.cmp(x.0)))?;
        let mut chain = vec![start.to_owned()];
        let mut at = start;
        while let Some(next) = depth[at].1 {
            chain.push(next.to_owned());
            at = next;
        }
        Some(chain)
    }

    /// An include of each cycle that comes back to its template, through includes, the
    /// templates they extend and the files whose macros they import; and an import of each
    /// cycle of imports.
    pub fn cycles(&self) -> Vec<IncludeCycle> {
        // Only templates on a cycle, or led to from one, are searched: a search from every
        // template took seconds on a chain of 5,000.
        let (_, left) = Self::ordered(&self.leads_to());
        // (from, to, an import) for each include and import of a template there is; what each
        // template leads to, and what its imports alone do.
        let mut starts: Vec<(String, String, bool)> = Vec::new();
        let mut leads_to: HashMap<&str, Vec<String>> = HashMap::new();
        let mut imports_of: HashMap<&str, Vec<String>> = HashMap::new();
        for (&name, n) in &self.by_template {
            if !left.contains(name) {
                continue;
            }
            let includes =
                (n.includes.iter()).filter(|to| self.by_template.contains_key(to.as_str()));
            starts.extend(
                includes
                    .clone()
                    .map(|to| (name.to_owned(), to.clone(), false)),
            );
            starts.extend(
                n.imports
                    .iter()
                    .map(|to| (name.to_owned(), to.clone(), true)),
            );
            let next = includes
                .chain(&n.parent)
                .chain(&n.imports)
                .cloned()
                .collect();
            leads_to.insert(name, next);
            imports_of.insert(name, n.imports.clone());
        }
        starts.sort();
        starts.dedup();
        let mut found: Vec<IncludeCycle> = Vec::new();
        for (from, to, imports) in starts {
            // One error per cycle: its other templates' includes are the same cycle.
            if found
                .iter()
                .any(|c| c.from == from || c.to == from || c.back.contains(&from))
            {
                continue;
            }
            let graph = if imports { &imports_of } else { &leads_to };
            if let Some(back) = way(graph, &to, &from) {
                found.push(IncludeCycle {
                    from,
                    to,
                    back,
                    imports,
                });
            }
        }
        found
    }
}

/// The shortest way from `start` to `goal` (its templates after `start`), if there is one.
fn way(leads_to: &HashMap<&str, Vec<String>>, start: &str, goal: &str) -> Option<Vec<String>> {
    let mut came_from: HashMap<&str, &str> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(t) = queue.pop_front() {
        if t == goal {
            let mut way = vec![t.to_owned()];
            let mut at = t;
            while let Some(&before) = came_from.get(at) {
                if before == start {
                    break;
                }
                way.push(before.to_owned());
                at = before;
            }
            way.reverse();
            return Some(way);
        }
        for n in leads_to.get(t).into_iter().flatten() {
            if seen.insert(n.as_str()) {
                came_from.insert(n.as_str(), t);
                queue.push_back(n.as_str());
            }
        }
    }
    None
}

fn each_include(nodes: &[Node], f: &mut impl FnMut(&str)) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => names.iter().for_each(|n| f(n)),
            Node::MacroDefinition(_, m, _) => each_include(&m.body, f),
            Node::Block(_, b, _) => each_include(&b.body, f),
            Node::FilterSection(_, s, _) => each_include(&s.body, f),
            Node::Forloop(_, l, _) => {
                each_include(&l.body, f);
                each_include(l.empty_body.as_deref().unwrap_or_default(), f);
            }
            Node::If(i, _) => {
                for (_, _, body) in &i.conditions {
                    each_include(body, f);
                }
                if let Some((_, body)) = &i.otherwise {
                    each_include(body, f);
                }
            }
            _ => {}
        }
    }
}

/// Tags a template may nest (`if`, `for`, `block`, `macro`, `filter`), and brackets an
/// expression may: Tera parses and renders each level on the stack, and 5,000 nested `if`s
/// overflowed it while the template was read. Real templates nest a handful deep.
pub const MAX_NESTING: usize = 64;

/// The line where `text` first nests deeper than `MAX_NESTING`, if it does. Comments and
/// `{% raw %}` are text to Tera, and what is inside quotes in an expression is too.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut tags = 0usize;
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = next_tag(rest) {
        let close = match &rest[open..open + 2] {
            "{%" => "%}",
            "{#" => "#}",
            _ => "}}",
        };
        let end = rest[open + 2..]
            .find(close)
            .map_or(rest.len(), |e| open + 2 + e);
        let inner = rest[open + 2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let mut next = (end + close.len()).min(rest.len());
        if close == "%}" {
            match inner.split_whitespace().next().unwrap_or("") {
                "if" | "for" | "block" | "macro" | "filter" => tags += 1,
                "endif" | "endfor" | "endblock" | "endmacro" | "endfilter" => {
                    tags = tags.saturating_sub(1)
                }
                // What is between is text: on to its `endraw`.
                "raw" => {
                    next = rest[next..]
                        .find("endraw")
                        .map_or(rest.len(), |e| next + e + "endraw".len());
                }
                _ => {}
            }
        }
        if tags > MAX_NESTING || (close != "#}" && brackets_too_deep(inner)) {
            return Some(text[..offset + open].matches('\n').count() + 1);
        }
        offset += next;
        rest = &rest[next..];
    }
    None
}

/// Whether an expression nests brackets deeper than `MAX_NESTING`, outside its strings.
fn brackets_too_deep(expression: &str) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for c in expression.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            return true;
        }
    }
    false
}

/// Where the next `{%`, `{{` or `{#` in `s` starts.
fn next_tag(s: &str) -> Option<usize> {
    s.as_bytes()
        .windows(2)
        .position(|w| w[0] == b'{' && matches!(w[1], b'%' | b'{' | b'#'))
}
