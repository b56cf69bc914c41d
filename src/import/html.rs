//! HTML -> text with an HTML5 parser (`scraper`, on html5ever): the same tree a browser
//! builds, whatever the markup's faults; entities decoded; scripts, styles, navigation,
//! footers and forms dropped; each block on its own line, and table cells kept apart
//! ("GDP growth | above 6.5%").

use scraper::{Html, Node};

/// Elements whose text is never the document's.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "option", "iframe", "svg", "canvas", "object", "head",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "table",
    "thead",
    "tbody",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "pre",
    "figure",
    "figcaption",
    "caption",
    "address",
    "hr",
    "body",
];

pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    // the title, as the first line
    if let Some(title) = doc
        .tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "title"))
    {
        for t in title.descendants() {
            if let Node::Text(t) = t.value() {
                out.push_str(t);
            }
        }
        out.push('\n');
    }
    // a walk with an explicit stack (`traverse`): deeply nested markup cannot exhaust it
    let mut skipping = 0usize;
    let mut cell_in_row = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) {
                        skipping += 1;
                    } else if skipping == 0 {
                        match name {
                            "br" => out.push('\n'),
                            "tr" => {
                                out.push('\n');
                                cell_in_row = false;
                            }
                            "td" | "th" => {
                                if cell_in_row {
                                    out.push_str(" | ");
                                }
                                cell_in_row = true;
                            }
                            _ if BLOCKS.contains(&name) => out.push('\n'),
                            _ => {}
                        }
                    }
                }
                Node::Text(t) if skipping == 0 => out.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    let name = e.name();
                    if SKIP.contains(&name) {
                        skipping = skipping.saturating_sub(1);
                    } else if skipping == 0 && (BLOCKS.contains(&name) || name == "tr") {
                        out.push('\n');
                    }
                }
            }
        }
    }
    // one paragraph a line, blank lines between, runs of white space collapsed
    let mut clean = String::with_capacity(out.len());
    for line in out.lines() {
        let mut first = true;
        for w in line.split_whitespace() {
            if !first {
                clean.push(' ');
            }
            clean.push_str(w);
            first = false;
        }
        if !first {
            clean.push_str("\n\n");
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_broken_markup() {
        assert_eq!(
            to_text("<p>A &amp; B &#8220;x&#x201D; &bogus; 5&nbsp;%</p>"),
            "A & B “x” &bogus; 5 %\n\n"
        );
        assert_eq!(to_text("<p>unclosed <b"), "unclosed\n\n");
        assert_eq!(to_text("<!-- c --><div>a</div><div>b</div>"), "a\n\nb\n\n");
    }

    #[test]
    fn entities_next_to_multi_byte_characters() {
        // the page that crashed the hand-written parser: an entity after CJK text and
        // before a non-breaking space (white space runs, NBSP too, become one space)
        assert_eq!(
            to_text("<p>广东&quot;十四五&quot;&nbsp;规划：地区生产总值增长5%以上&hellip;</p>"),
            "广东\"十四五\" 规划：地区生产总值增长5%以上…\n\n"
        );
        assert_eq!(
            to_text("<p>GDP grew&nbsp;6.5%&mdash;“above” target&#x1F600;&amp</p>"),
            "GDP grew 6.5%—“above” target😀&\n\n"
        );
    }

    #[test]
    fn scripts_navigation_and_footers_are_dropped() {
        let page = "<html><head><title>Work report</title><style>p{}</style></head><body>\
            <nav><a>Home</a> | <a>News</a></nav><script>var x = 6.5;</script>\
            <article><h1>2021 targets</h1><p>GDP will grow 6%.</p></article>\
            <footer>Copyright 2021</footer></body></html>";
        assert_eq!(
            to_text(page),
            "Work report\n\n2021 targets\n\nGDP will grow 6%.\n\n"
        );
    }

    #[test]
    fn table_cells_are_kept_apart() {
        let page = "<table><tr><th>Indicator</th><th>Target</th></tr>\
            <tr><td>GDP growth</td><td>above 6.5%</td></tr>\
            <tr><td>CPI</td><td>about 3%</td></tr></table>";
        assert_eq!(
            to_text(page),
            "Indicator | Target\n\nGDP growth | above 6.5%\n\nCPI | about 3%\n\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let page = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(to_text(&page), "text\n\n");
    }
}
