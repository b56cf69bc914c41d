//! The project data model: plain data, no I/O, no UI.

use serde::{Deserialize, Serialize};

/// Current project file format version (see `store` for migrations).
pub const PROJECT_VERSION: u32 = 2;

pub type Id = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Kind {
    Target,
    Actual,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Actual => "actual",
        }
    }
}

/// How a plan states its figure: "above 6.5%", "about 3%", "no more than 5.5%".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Comparator {
    Gt,
    Ge,
    Approx,
    Le,
    Lt,
    #[default]
    Eq,
}

impl Comparator {
    pub const ALL: [Comparator; 6] = [
        Comparator::Gt,
        Comparator::Ge,
        Comparator::Approx,
        Comparator::Le,
        Comparator::Lt,
        Comparator::Eq,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
            Comparator::Approx => "~",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }

    pub fn from_symbol(s: &str) -> Option<Comparator> {
        Comparator::ALL.into_iter().find(|c| c.symbol() == s.trim())
    }

    /// Plain-English reading, as shown next to a value.
    pub fn words(self) -> &'static str {
        match self {
            Comparator::Gt => "more than",
            Comparator::Ge => "at least",
            Comparator::Approx => "about",
            Comparator::Le => "at most",
            Comparator::Lt => "less than",
            Comparator::Eq => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub value: f64,
    pub year: i32,
}

/// A byte range in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One quantitative statement read off a document: a target or a reported actual.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub kind: Kind,
    /// Canonical province, region, or "China".
    pub province: String,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub indicator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_key: Option<String>,
    pub value: f64,
    pub unit: String,
    pub comparator: Comparator,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// The plan's own words for the figure ("more than 6.5%").
    #[serde(default)]
    pub wording: String,
    /// The source sentence.
    pub sentence: Span,
    /// The number itself (with its multiplier and unit) inside the sentence.
    pub number: Span,
    /// How sure the extractor is of this reading, 0 to 1 (none for what a user entered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Why it is unsure, when it is ("province taken from the document, none in the
    /// sentence").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<String>,
}

/// Findings less sure than this are flagged for review.
pub const REVIEW_BELOW: f64 = 0.7;

impl Extraction {
    /// The confidence, 1 for what a user entered or edited.
    pub fn confidence(&self) -> f64 {
        self.confidence.map_or(1.0, f64::from)
    }

    pub fn needs_review(&self) -> bool {
        self.confidence() < REVIEW_BELOW
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Review {
    #[default]
    Suggested,
    Accepted,
    Rejected,
    Edited,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Suggested => "suggested",
            Review::Accepted => "accepted",
            Review::Rejected => "rejected",
            Review::Edited => "edited",
        }
    }
}

/// An extraction as kept in a project: with its id, document and review state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: Id,
    pub doc: Id,
    #[serde(default)]
    pub review: Review,
    pub data: Extraction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: Id,
    pub title: String,
    /// File name as imported ("zhejiang-2021-government-work-report.txt").
    pub file_name: String,
    /// Where it was imported from; the text below is kept, so the file may move.
    #[serde(default)]
    pub path: String,
    /// SHA-256 of the decoded text, hex; detects importing the same document twice.
    pub hash: String,
    /// Seconds since the Unix epoch.
    pub imported: u64,
    #[serde(default)]
    pub encoding: String,
    #[serde(default)]
    pub format: String,
    /// The report year the extractor settled on (or the user set).
    #[serde(default)]
    pub report_year: Option<i32>,
    /// Where the report date came from, for the document panel: "2023-02-07, publication
    /// date: “Pub Date:2023-02-07”", or "set by you".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub report_date_note: String,
    pub text: String,
}

/// Where an actual value came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Source {
    /// Typed by the user.
    Manual,
    /// Confirmed from an actual found in an imported document.
    Finding(Id),
    /// Imported from a CSV file.
    Csv(String),
}

/// A recorded outcome for a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub id: Id,
    pub target: Id,
    pub year: i32,
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A link or citation for the figure.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_ref: String,
    pub source: Source,
    /// Seconds since the Unix epoch.
    pub recorded: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// "About" targets are met within this relative distance (percent of the target).
    pub approx_tolerance_pct: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            approx_tolerance_pct: 5.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub version: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub next_id: Id,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            version: PROJECT_VERSION,
            name: String::new(),
            documents: Vec::new(),
            findings: Vec::new(),
            observations: Vec::new(),
            settings: Settings::default(),
            next_id: 1,
        }
    }
}

impl Project {
    pub fn new_id(&mut self) -> Id {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    pub fn document(&self, id: Id) -> Option<&Document> {
        // kept in id order as imported, like findings
        match self.documents.binary_search_by_key(&id, |d| d.id) {
            Ok(i) => Some(&self.documents[i]),
            Err(_) => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// Findings are kept in id order as they are added, so a binary search almost
    /// always answers; a project edited out of order still finds its findings.
    fn finding_index(&self, id: Id) -> Option<usize> {
        match self.findings.binary_search_by_key(&id, |f| f.id) {
            Ok(i) => Some(i),
            Err(_) => self.findings.iter().position(|f| f.id == id),
        }
    }

    pub fn finding(&self, id: Id) -> Option<&Finding> {
        self.finding_index(id).map(|i| &self.findings[i])
    }

    pub fn finding_mut(&mut self, id: Id) -> Option<&mut Finding> {
        self.finding_index(id).map(|i| &mut self.findings[i])
    }

    pub fn observations_of(&self, target: Id) -> impl Iterator<Item = &Observation> {
        self.observations.iter().filter(move |o| o.target == target)
    }

    /// The ids in use must stay below `next_id`; repair it after loading or merging.
    pub fn fix_next_id(&mut self) {
        let max = self
            .documents
            .iter()
            .map(|d| d.id)
            .chain(self.findings.iter().map(|f| f.id))
            .chain(self.observations.iter().map(|o| o.id))
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(max + 1);
    }

    /// Add a document and its extractions; returns the document id.
    pub fn add_document(&mut self, mut doc: Document, extractions: Vec<Extraction>) -> Id {
        let id = self.new_id();
        doc.id = id;
        self.documents.push(doc);
        for data in extractions {
            let fid = self.new_id();
            self.findings.push(Finding {
                id: fid,
                doc: id,
                review: Review::Suggested,
                data,
            });
        }
        id
    }

    pub fn has_document_hash(&self, hash: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.hash == hash)
    }
}

impl Project {
    /// Repair what a hand-edited or damaged file could hold so that nothing downstream
    /// can index out of bounds: spans outside their text, links to missing records,
    /// duplicate ids, a nonsensical tolerance. Returns what was repaired.
    pub fn sanitize(&mut self) -> Vec<String> {
        let mut notes = Vec::new();
        let texts: std::collections::HashMap<Id, &str> = self
            .documents
            .iter()
            .map(|d| (d.id, d.text.as_str()))
            .collect();
        let before = self.findings.len();
        self.findings.retain(|f| texts.contains_key(&f.doc));
        if self.findings.len() != before {
            notes.push(format!(
                "{} findings pointed to missing documents and were dropped",
                before - self.findings.len()
            ));
        }
        let mut bad_spans = 0;
        for f in &mut self.findings {
            let text = texts[&f.doc];
            for span in [&mut f.data.sentence, &mut f.data.number] {
                let ok = span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end);
                if !ok {
                    *span = Span::default();
                    bad_spans += 1;
                }
            }
        }
        if bad_spans > 0 {
            notes.push(format!(
                "{bad_spans} source spans were outside their documents"
            ));
        }
        // sorted ids and bisection: no hash set of a hundred thousand ids on every load
        let mut ids: Vec<Id> = self.findings.iter().map(|f| f.id).collect();
        if !ids.is_sorted() {
            ids.sort_unstable();
        }
        let before = self.observations.len();
        self.observations
            .retain(|o| ids.binary_search(&o.target).is_ok());
        if self.observations.len() != before {
            notes.push(format!(
                "{} actuals pointed to missing targets and were dropped",
                before - self.observations.len()
            ));
        }
        // duplicate ids get fresh ones
        self.fix_next_id();
        let mut all: Vec<Id> = self
            .documents
            .iter()
            .map(|d| d.id)
            .chain(self.findings.iter().map(|f| f.id))
            .chain(self.observations.iter().map(|o| o.id))
            .collect();
        all.sort_unstable();
        let any_dup = all.windows(2).any(|w| w[0] == w[1]);
        let mut seen = std::collections::HashSet::new();
        let mut dup = 0;
        for d in self.documents.iter().filter(|_| any_dup) {
            // documents keep their ids: findings point to them
            seen.insert(d.id);
        }
        for f in self.findings.iter_mut().filter(|_| any_dup) {
            if !seen.insert(f.id) {
                f.id = self.next_id;
                self.next_id += 1;
                dup += 1;
            }
        }
        for o in self.observations.iter_mut().filter(|_| any_dup) {
            if !seen.insert(o.id) {
                o.id = self.next_id;
                self.next_id += 1;
                dup += 1;
            }
        }
        if dup > 0 {
            notes.push(format!("{dup} duplicate ids were renumbered"));
        }
        let tol = self.settings.approx_tolerance_pct;
        if !tol.is_finite() || !(0.0..=100.0).contains(&tol) {
            self.settings.approx_tolerance_pct = Settings::default().approx_tolerance_pct;
            notes.push("the tolerance for \"about\" targets was reset to 5%".into());
        }
        notes
    }
}
