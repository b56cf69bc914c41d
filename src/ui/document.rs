//! The document viewer: the full text, every finding's sentence highlighted and its
//! number marked; click a number to select its finding; select text to add a target
//! the extractor missed.

use std::sync::Arc;

use egui::{Color32, TextFormat, text::LayoutJob};

use crate::model::{Extraction, Finding, Id, Kind, Review, Span};
use crate::session::Change;

use super::PlanTrackApp;
use super::details::EditForm;

const PAGE_LINES: usize = 150;

/// Per-document layout facts, kept while the same document is shown.
#[derive(Default)]
pub struct DocView {
    doc: Option<Id>,
    /// (start, end) of each non-empty line.
    lines: Vec<(usize, usize)>,
    page: usize,
    /// Byte range selected in the text, if any.
    selection: Option<(usize, usize)>,
    /// The finding the page was last moved to, so a click elsewhere is not undone.
    followed: Option<Id>,
    /// Scroll to the selected finding's paragraph on the next frame it is drawn.
    scroll_pending: bool,
}

pub fn document_panel(app: &mut PlanTrackApp, ui: &mut egui::Ui) {
    let docs: Vec<(Id, String)> = app
        .session
        .project
        .documents
        .iter()
        .map(|d| (d.id, d.title.clone()))
        .collect();
    if docs.is_empty() {
        ui.label("No documents in the project. Import one with File > Import documents.");
        return;
    }
    let current = app
        .view
        .doc
        .filter(|id| docs.iter().any(|d| d.0 == *id))
        .unwrap_or(docs[0].0);
    app.view.doc = Some(current);
    ui.horizontal(|ui| {
        let label = ui.label("Document");
        egui::ComboBox::from_id_salt("doc-picker")
            .width(ui.available_width() - 10.0)
            .selected_text(crate::util::shorten(
                docs.iter()
                    .find(|d| d.0 == current)
                    .map_or("", |d| d.1.as_str()),
                60,
            ))
            .show_ui(ui, |ui| {
                for (id, title) in &docs {
                    ui.selectable_value(&mut app.view.doc, Some(*id), title);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Some(doc) = app.session.project.document(current) else {
        return;
    };
    let findings: Vec<&Finding> = app
        .session
        .project
        .findings
        .iter()
        .filter(|f| f.doc == current)
        .collect();
    let targets = findings
        .iter()
        .filter(|f| f.data.kind == Kind::Target)
        .count();
    ui.label(
        egui::RichText::new(format!(
            "{} · {} · {} · {} targets, {} actuals",
            doc.file_name,
            if doc.encoding.is_empty() {
                "UTF-8"
            } else {
                &doc.encoding
            },
            if doc.format.is_empty() {
                "text"
            } else {
                &doc.format
            },
            targets,
            findings.len() - targets
        ))
        .weak(),
    );
    report_date_row(app, ui, current);

    // review the whole document at once
    let suggested: Vec<usize> = app
        .session
        .project
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.doc == current && f.review == Review::Suggested)
        .map(|(i, _)| i)
        .collect();
    ui.horizontal(|ui| super::table::bulk_buttons(app, ui, &suggested, " in this document"));
    let Some(doc) = app.session.project.document(current) else {
        return;
    };
    let findings: Vec<&Finding> = app
        .session
        .project
        .findings
        .iter()
        .filter(|f| f.doc == current)
        .collect();
    let dv = &mut app.doc_view;
    if dv.doc != Some(current) {
        *dv = DocView {
            doc: Some(current),
            lines: crate::extract::text::lines(&doc.text)
                .filter(|(s, e)| !doc.text[*s..*e].trim().is_empty())
                .collect(),
            ..DocView::default()
        };
    }
    // follow the selected finding to its page
    if let Some(sel) = app
        .view
        .selected
        .and_then(|id| app.session.project.finding(id))
        && sel.doc == current
        && dv.followed != Some(sel.id)
    {
        let line = dv.lines.partition_point(|l| l.1 < sel.data.sentence.start);
        dv.page = line / PAGE_LINES;
        dv.followed = Some(sel.id);
        dv.scroll_pending = true;
    }
    let pages = dv.lines.len().div_ceil(PAGE_LINES).max(1);
    dv.page = dv.page.min(pages - 1);

    let mut add_from_selection = None;
    ui.horizontal(|ui| {
        if pages > 1 {
            if ui.add_enabled(dv.page > 0, egui::Button::new("◀ Previous page")).clicked() {
                dv.page -= 1;
            }
            ui.label(format!("page {} of {pages}", dv.page + 1));
            if ui.add_enabled(dv.page + 1 < pages, egui::Button::new("Next page ▶")).clicked() {
                dv.page += 1;
            }
        }
        let has_sel = dv.selection.is_some_and(|(a, b)| b > a);
        if ui
            .add_enabled(has_sel, egui::Button::new("Add target from selection"))
            .on_hover_text("Select the words of a target the extractor missed (with its number), then click here")
            .clicked()
        {
            add_from_selection = dv.selection;
        }
    });
    ui.separator();

    let selected = app.view.selected;
    let dark = ui.visuals().dark_mode;
    let mut clicked_finding = None;
    let mut new_selection = None;
    let first = dv.page * PAGE_LINES;
    let last = (first + PAGE_LINES).min(dv.lines.len());
    let lines = dv.lines[first..last].to_vec();
    let text = &doc.text;
    // only this page's findings are matched against its lines, however long the document
    let (page_start, page_end) = (
        lines.first().map_or(0, |l| l.0),
        lines.last().map_or(0, |l| l.1),
    );
    let findings: Vec<&Finding> = findings
        .into_iter()
        .filter(|f| f.data.sentence.start < page_end && f.data.sentence.end > page_start)
        .collect();
    let mut scroll_pending = dv.scroll_pending;
    let selected_span = app
        .view
        .selected
        .and_then(|id| app.session.project.finding(id))
        .filter(|f| f.doc == current)
        .map(|f| f.data.sentence);
    egui::ScrollArea::vertical()
        .id_salt("doc-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, &(ls, le)) in lines.iter().enumerate() {
                let para_findings: Vec<&Finding> = findings
                    .iter()
                    .copied()
                    .filter(|f| f.data.sentence.start < le && f.data.sentence.end > ls)
                    .collect();
                let mut para: &str = &text[ls..le];
                let mut layouter =
                    |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| -> Arc<egui::Galley> {
                        let mut job =
                            highlight(buf.as_str(), ls, &para_findings, selected, dark, ui);
                        job.wrap.max_width = wrap;
                        ui.fonts_mut(|f| f.layout_job(job))
                    };
                let out = egui::TextEdit::multiline(&mut para)
                    .id_salt(("para", current, first + i))
                    .desired_width(f32::INFINITY)
                    .desired_rows(1)
                    .frame(egui::Frame::NONE)
                    .layouter(&mut layouter)
                    .show(ui);
                if scroll_pending && selected_span.is_some_and(|s| s.start < le && s.end > ls) {
                    ui.scroll_to_rect(out.response.response.rect, Some(egui::Align::Center));
                    scroll_pending = false;
                }
                if let Some(range) = out.cursor_range {
                    let r = range.as_sorted_char_range();
                    let (a, b) = (
                        char_to_byte(para, r.start.0) + ls,
                        char_to_byte(para, r.end.0) + ls,
                    );
                    if out.response.response.has_focus() {
                        new_selection = Some((a, b));
                    }
                    if out.response.response.clicked() && a == b {
                        clicked_finding = para_findings
                            .iter()
                            .find(|f| f.data.number.start <= a && a <= f.data.number.end)
                            .map(|f| f.id);
                    }
                }
                ui.add_space(6.0);
            }
        });
    app.doc_view.scroll_pending = scroll_pending && selected_span.is_some();
    if new_selection.is_some() {
        app.doc_view.selection = new_selection;
    }
    if let Some(id) = clicked_finding {
        app.select(id);
        app.doc_view.followed = Some(id);
    }
    if let Some((a, b)) = add_from_selection {
        add_target(app, current, a, b);
    }
}

fn char_to_byte(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(b, _)| b)
}

fn highlight(
    para: &str,
    offset: usize,
    findings: &[&Finding],
    selected: Option<Id>,
    dark: bool,
    ui: &egui::Ui,
) -> LayoutJob {
    let base = TextFormat {
        font_id: egui::FontId::proportional(14.0),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let sentence_bg = if dark {
        Color32::from_rgb(50, 56, 40)
    } else {
        Color32::from_rgb(255, 248, 214)
    };
    let selected_bg = if dark {
        Color32::from_rgb(70, 60, 20)
    } else {
        Color32::from_rgb(255, 231, 150)
    };
    let number_bg = Color32::from_rgb(255, 196, 61);
    // per byte: 0 plain, 1 in a finding's sentence, 2 the selected sentence, 3 a number
    let mut class = vec![0u8; para.len()];
    for f in findings {
        let paint = |span: Span, c: u8, class: &mut Vec<u8>| {
            let a = span.start.saturating_sub(offset).min(para.len());
            let b = span.end.saturating_sub(offset).min(para.len());
            for x in &mut class[a..b] {
                *x = (*x).max(c);
            }
        };
        let c = if Some(f.id) == selected { 2 } else { 1 };
        paint(f.data.sentence, c, &mut class);
        paint(f.data.number, 3, &mut class);
    }
    let mut job = LayoutJob::default();
    let mut start = 0;
    while start < para.len() {
        let c = class[start];
        let mut end = start + 1;
        while end < para.len() && class[end] == c {
            end += 1;
        }
        while !para.is_char_boundary(end) {
            end += 1;
        }
        let fmt = match c {
            1 => TextFormat {
                background: sentence_bg,
                ..base.clone()
            },
            2 => TextFormat {
                background: selected_bg,
                ..base.clone()
            },
            3 => TextFormat {
                background: number_bg,
                color: Color32::BLACK,
                ..base.clone()
            },
            _ => base.clone(),
        };
        job.append(&para[start..end], 0.0, fmt);
        start = end;
    }
    job
}

/// A new target from selected text: the first number in it is the value; the rest is
/// filled from the document and opened for editing.
fn add_target(app: &mut PlanTrackApp, doc_id: Id, a: usize, b: usize) {
    let Some(doc) = app.session.project.document(doc_id) else {
        return;
    };
    let text = &doc.text;
    let Some(sel) = text.get(a..b) else { return };
    // the sentence around the selection
    let line_start = text[..a].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[b..].find('\n').map_or(text.len(), |p| b + p);
    let mut sents = Vec::new();
    crate::extract::text::sentences(text, line_start, line_end, &mut sents);
    let sentence = sents
        .iter()
        .find(|(s, e)| *s <= a && b <= *e)
        .map_or(Span::new(a, b), |&(s, e)| Span::new(s, e));
    // the selection read as the extractor reads a sentence ("1100万人以上" is 11,000,000
    // count), else its first number
    let read = crate::extract::extract("selection.txt", sel)
        .into_iter()
        .next();
    let value = read
        .as_ref()
        .map(|x| x.value)
        .or_else(|| first_number(sel))
        .unwrap_or(0.0);
    let read_unit = read.as_ref().map(|x| x.unit.clone());
    let unit = match read_unit.as_deref() {
        Some(u) if !u.is_empty() => u,
        _ if sel.contains('%') || sel.contains('％') || sel.to_lowercase().contains("percent") => {
            "%"
        }
        _ => "count",
    };
    let neighbour = app
        .session
        .project
        .findings
        .iter()
        .filter(|f| f.doc == doc_id)
        .min_by_key(|f| f.data.sentence.start.abs_diff(a));
    let province = neighbour.map_or_else(|| "China".to_string(), |f| f.data.province.clone());
    let year = doc
        .report_year
        .or(neighbour.map(|f| f.data.year))
        .unwrap_or(2021);
    let id = app.session.project.next_id.max(1);
    let label: String = sel
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(80)
        .collect();
    let finding = Finding {
        id,
        doc: doc_id,
        review: Review::Edited,
        data: Extraction {
            kind: Kind::Target,
            province,
            year,
            period: None,
            indicator: label.clone(),
            indicator_key: None,
            value,
            unit: unit.into(),
            comparator: crate::model::Comparator::Eq,
            baseline: None,
            wording: label,
            sentence,
            number: Span::new(a, b),
            confidence: None,
            doubt: None,
        },
    };
    app.apply(Change {
        label: "add a target from the document".into(),
        findings_after: vec![finding.clone()],
        ..Change::default()
    });
    app.select(id);
    app.view.edit = Some(EditForm::for_new(&finding));
    app.view.tab = super::Tab::Target;
}

/// The report date, where it came from, and a way to correct it: the year decides "this
/// year", "last year" and what is a target, so the document is then read again.
fn report_date_row(app: &mut PlanTrackApp, ui: &mut egui::Ui, doc_id: crate::model::Id) {
    let Some(doc) = app.session.project.document(doc_id) else {
        return;
    };
    let note = if doc.report_date_note.is_empty() {
        doc.report_year.map_or("unknown".into(), |y| y.to_string())
    } else {
        doc.report_date_note.clone()
    };
    let current = doc.report_year.unwrap_or(2021);
    let mut reread = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Report date:");
        ui.label(egui::RichText::new(note).strong())
            .labelled_by(label.id)
            .on_hover_text(
                "The year the text was written decides \"this year\", \"last year\" and \
                 whether a figure is a target or an outcome.",
            );
        match app.view.date_edit {
            Some((d, mut year)) if d == doc_id => {
                let l = ui.label("written in");
                ui.add(egui::DragValue::new(&mut year).range(1949..=2100))
                    .labelled_by(l.id);
                app.view.date_edit = Some((doc_id, year));
                if ui
                    .button("Read again")
                    .on_hover_text(
                        "Read the document again as written in this year; findings you \
                         reviewed, edited or recorded outcomes for are kept.",
                    )
                    .clicked()
                {
                    reread = Some(year);
                }
                if ui.button("Cancel").clicked() {
                    app.view.date_edit = None;
                }
            }
            _ => {
                if ui
                    .button("Change...")
                    .on_hover_text("Correct the year the document was written in")
                    .clicked()
                {
                    app.view.date_edit = Some((doc_id, current));
                }
            }
        }
    });
    if let Some(year) = reread {
        app.view.date_edit = None;
        if let Some(change) = crate::ops::reread_document(&mut app.session.project, doc_id, year) {
            app.apply(change);
        }
    }
}

fn first_number(s: &str) -> Option<f64> {
    let mut toks = Vec::new();
    crate::extract::text::tokenize(s, 0, s.len(), &mut toks);
    toks.iter()
        .find(|t| t.kind == crate::extract::text::Tk::Num)
        .and_then(|t| t.text(s).replace(',', "").parse().ok())
}
