//! Spreadsheets in and out: tables of actuals read from .xlsx, .xls and .ods with
//! `calamine`, and the targets workbook written with `rust_xlsxwriter`.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::model::{Kind, Project};
use crate::progress::StatusIndex;

/// Is this file name a spreadsheet that `read_table` reads?
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// The most a spreadsheet may unpack to: a table of actuals is kilobytes, a zip bomb
/// gigabytes.
const MAX_UNPACKED: u64 = 256 << 20;

/// The first sheet with data as records of text cells, with their row numbers (1-based),
/// as `actuals_csv` reads a CSV file.
pub fn read_table(path: &Path) -> Result<Vec<(usize, Vec<String>)>, String> {
    use calamine::Reader;
    let bytes = std::fs::read(path).map_err(|e| crate::import::io_message(&e))?;
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    // .xlsx and .ods are zip archives: check what they unpack to before reading them
    if bytes.starts_with(b"PK") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
            .map_err(|_| "the spreadsheet is damaged (its archive cannot be read)".to_string())?;
        // the sizes the archive declares, or (where it declares none) what its entries
        // unpack to, counted with a limit
        let total = match archive.decompressed_size() {
            Some(t) => t,
            None => {
                let mut t = 0u128;
                for i in 0..archive.len() {
                    if let Ok(entry) = archive.by_index(i) {
                        let limit = MAX_UNPACKED + 1 - (t as u64).min(MAX_UNPACKED);
                        t += u128::from(
                            std::io::copy(
                                &mut std::io::Read::take(entry, limit),
                                &mut std::io::sink(),
                            )
                            .unwrap_or(0),
                        );
                    }
                    if t > u128::from(MAX_UNPACKED) {
                        break;
                    }
                }
                t
            }
        };
        if total > u128::from(MAX_UNPACKED) {
            return Err(format!(
                "the spreadsheet unpacks to {} MB, far more than a table of actuals (a zip bomb?)",
                total >> 20
            ));
        }
    }
    // calamine is a parser of untrusted files: a failure of it must not end the app
    let read = std::panic::catch_unwind(|| {
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e| format!("not a spreadsheet PlanTrack can read ({e})"))?;
        let names = book.sheet_names();
        for i in 0..names.len() {
            let Some(Ok(range)) = book.worksheet_range_at(i) else {
                continue;
            };
            if range.is_empty() {
                continue;
            }
            let first_row = range.start().map_or(0, |(r, _)| r as usize);
            let rows: Vec<(usize, Vec<String>)> = range
                .rows()
                .enumerate()
                .map(|(k, cells)| (first_row + k + 1, cells.iter().map(cell_text).collect()))
                .filter(|(_, cells): &(usize, Vec<String>)| {
                    cells.iter().any(|c| !c.trim().is_empty())
                })
                .collect();
            if !rows.is_empty() {
                return Ok(rows);
            }
        }
        Err("the spreadsheet has no rows".to_string())
    });
    read.unwrap_or_else(|_| Err("the spreadsheet could not be read (it may be damaged)".into()))
}

/// A cell as the text a CSV file would hold: whole numbers without ".0".
fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The columns of the targets sheet: the app's table and everything behind a row.
const TARGET_COLUMNS: &[(&str, f64)] = &[
    ("ID", 7.0),
    ("Kind", 8.0),
    ("Province", 14.0),
    ("Year", 7.0),
    ("Period", 11.0),
    ("Indicator", 40.0),
    ("Indicator key", 22.0),
    ("Target (plan's words)", 24.0),
    ("Comparator", 11.0),
    ("Value", 14.0),
    ("Unit", 9.0),
    ("Baseline", 12.0),
    ("Baseline year", 9.0),
    ("Status", 14.0),
    ("Latest actual year", 9.0),
    ("Latest actual", 14.0),
    ("Review", 10.0),
    ("Confidence", 10.0),
    ("Doubt", 30.0),
    ("Document", 30.0),
    ("Source sentence", 80.0),
];

/// The targets table (and the plan-versus-outcome table) as an .xlsx workbook.
pub fn workbook(project: &Project, index: &StatusIndex) -> Result<Vec<u8>, String> {
    build(project, index).map_err(|e| format!("the workbook could not be written: {e}"))
}

fn build(project: &Project, index: &StatusIndex) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("D9E2F3")
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let number = Format::new().set_num_format("#,##0.####");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet.set_name("Targets")?;
    write_header(sheet, TARGET_COLUMNS, &header)?;
    let mut r: u32 = 1;
    for f in &project.findings {
        let t = &f.data;
        let a = index.get(f.id);
        let doc = project.document(f.doc);
        let quote = doc
            .and_then(|d| d.text.get(t.sentence.start..t.sentence.end))
            .unwrap_or("");
        let mut c: u16 = 0;
        let mut next = || {
            c += 1;
            c - 1
        };
        sheet.write_number(r, next(), f.id as f64)?;
        sheet.write_string(r, next(), t.kind.as_str())?;
        sheet.write_string(r, next(), &t.province)?;
        sheet.write_number(r, next(), t.year)?;
        sheet.write_string(
            r,
            next(),
            t.period.map(|p| p.to_string()).unwrap_or_default(),
        )?;
        sheet.write_string(r, next(), &t.indicator)?;
        sheet.write_string(r, next(), t.indicator_key.as_deref().unwrap_or(""))?;
        sheet.write_string(r, next(), crate::chart::target_words(f))?;
        sheet.write_string(r, next(), t.comparator.symbol())?;
        sheet.write_number_with_format(r, next(), t.value, &number)?;
        sheet.write_string(r, next(), &t.unit)?;
        let col = next();
        if let Some(b) = t.baseline {
            sheet.write_number_with_format(r, col, b.value, &number)?;
        }
        let col = next();
        if let Some(b) = t.baseline {
            sheet.write_number(r, col, b.year)?;
        }
        let status = match (t.kind, a) {
            (Kind::Target, Some(a)) => a.status.as_str(),
            (Kind::Target, None) => "no data",
            (Kind::Actual, _) => "",
        };
        sheet.write_string(r, next(), status)?;
        let latest = a.and_then(|a| a.latest);
        let col = next();
        if let Some((y, _)) = latest {
            sheet.write_number(r, col, y)?;
        }
        let col = next();
        if let Some((_, v)) = latest {
            sheet.write_number_with_format(r, col, v, &number)?;
        }
        sheet.write_string(r, next(), f.review.as_str())?;
        let col = next();
        if let Some(c) = t.confidence {
            sheet.write_number(r, col, (f64::from(c) * 100.0).round() / 100.0)?;
        }
        sheet.write_string(r, next(), t.doubt.as_deref().unwrap_or(""))?;
        sheet.write_string(r, next(), doc.map_or("", |d| d.file_name.as_str()))?;
        sheet.write_string_with_format(r, next(), quote, &wrap)?;
        r += 1;
    }
    finish(sheet, r, TARGET_COLUMNS.len())?;
    plan_versus_outcome_sheet(&mut book, project, index, &header, &number)?;
    book.save_to_buffer()
}

fn write_header(
    sheet: &mut Worksheet,
    columns: &[(&str, f64)],
    header: &Format,
) -> Result<(), XlsxError> {
    for (i, (name, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *name, header)?;
        sheet.set_column_width(i as u16, *width)?;
    }
    Ok(())
}

/// Frozen header and an autofilter over the whole table.
fn finish(sheet: &mut Worksheet, rows: u32, cols: usize) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.saturating_sub(1).max(1), (cols - 1) as u16)?;
    Ok(())
}

const PVO_COLUMNS: &[(&str, f64)] = &[
    ("Province", 14.0),
    ("Year", 7.0),
    ("Period", 11.0),
    ("Indicator", 40.0),
    ("Plan's words", 24.0),
    ("Target", 14.0),
    ("Unit", 9.0),
    ("Outcome", 14.0),
    ("Outcome year", 9.0),
    ("Difference", 12.0),
    ("Difference unit", 10.0),
    ("Verdict", 14.0),
    ("Target ID", 9.0),
];

/// One row per judged target: the planners' own "projected / actual / performance".
fn plan_versus_outcome_sheet(
    book: &mut Workbook,
    project: &Project,
    index: &StatusIndex,
    header: &Format,
    number: &Format,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name("Plan vs outcome")?;
    write_header(sheet, PVO_COLUMNS, header)?;
    let rows = crate::plan_review::rows(project, index, &|_| true);
    let mut r: u32 = 1;
    for row in &rows {
        sheet.write_string(r, 0, &row.province)?;
        sheet.write_number(r, 1, row.year)?;
        sheet.write_string(r, 2, row.period.as_deref().unwrap_or(""))?;
        sheet.write_string(r, 3, &row.indicator)?;
        sheet.write_string(r, 4, &row.wording)?;
        sheet.write_number_with_format(r, 5, row.target, number)?;
        sheet.write_string(r, 6, &row.unit)?;
        if let Some((y, v)) = row.outcome {
            sheet.write_number_with_format(r, 7, v, number)?;
            sheet.write_number(r, 8, y)?;
        }
        if let Some((d, u)) = &row.difference {
            sheet.write_number_with_format(r, 9, (*d * 100.0).round() / 100.0, number)?;
            sheet.write_string(r, 10, u)?;
        }
        sheet.write_string(r, 11, &row.verdict)?;
        sheet.write_number(r, 12, row.id as f64)?;
        r += 1;
    }
    finish(sheet, r, PVO_COLUMNS.len())?;
    Ok(())
}
