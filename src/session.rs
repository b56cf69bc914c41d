//! An open project: its data, its file, unsaved state, and undo/redo.
//!
//! Every edit is a `Change` that records what it replaces and with what (the rows
//! before and after, documents added or removed). Applying a change and applying its
//! inverse are the same operation, so undo and redo cannot drift apart, and the GUI
//! never mutates the project any other way.

use std::path::{Path, PathBuf};

use crate::model::{Document, Finding, Id, Observation, Project, Settings};
use crate::store::{self, FileStamp, StoreError};

/// A document with everything that hangs off it, for import and delete.
#[derive(Debug, Clone, PartialEq)]
pub struct DocBundle {
    pub doc: Document,
    pub findings: Vec<Finding>,
    pub observations: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    /// What the edit menu shows: "accept 12 targets", "record 8.5% for GDP growth".
    pub label: String,
    pub docs_removed: Vec<DocBundle>,
    pub docs_added: Vec<DocBundle>,
    pub findings_before: Vec<Finding>,
    pub findings_after: Vec<Finding>,
    pub observations_before: Vec<Observation>,
    pub observations_after: Vec<Observation>,
    pub settings: Option<(Settings, Settings)>,
}

impl Change {
    pub fn labelled(label: impl Into<String>) -> Change {
        Change {
            label: label.into(),
            ..Change::default()
        }
    }

    pub fn inverse(&self) -> Change {
        Change {
            label: self.label.clone(),
            docs_removed: self.docs_added.clone(),
            docs_added: self.docs_removed.clone(),
            findings_before: self.findings_after.clone(),
            findings_after: self.findings_before.clone(),
            observations_before: self.observations_after.clone(),
            observations_after: self.observations_before.clone(),
            settings: self.settings.clone().map(|(a, b)| (b, a)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.docs_removed.is_empty()
            && self.docs_added.is_empty()
            && self.findings_before == self.findings_after
            && self.observations_before == self.observations_after
            && self.settings.as_ref().is_none_or(|(a, b)| a == b)
    }

    /// Apply to a project: remove and add documents, then replace rows by id.
    pub fn apply_to(&self, p: &mut Project) {
        for b in &self.docs_removed {
            let id = b.doc.id;
            p.documents.retain(|d| d.id != id);
            p.findings.retain(|f| f.doc != id);
            let gone: std::collections::HashSet<Id> = b.findings.iter().map(|f| f.id).collect();
            p.observations.retain(|o| !gone.contains(&o.target));
        }
        for b in &self.docs_added {
            p.documents.push(b.doc.clone());
            p.findings.extend(b.findings.iter().cloned());
            p.observations.extend(b.observations.iter().cloned());
        }
        replace_rows(
            &mut p.findings,
            &self.findings_before,
            &self.findings_after,
            |f| f.id,
        );
        replace_rows(
            &mut p.observations,
            &self.observations_before,
            &self.observations_after,
            |o| o.id,
        );
        if let Some((_, after)) = &self.settings {
            p.settings = after.clone();
        }
        p.fix_next_id();
    }
}

/// Rows in `before` but not in `after` go; rows in `after` replace their namesakes in
/// place or are appended.
fn replace_rows<T: Clone>(rows: &mut Vec<T>, before: &[T], after: &[T], id: impl Fn(&T) -> Id) {
    let keep: std::collections::HashSet<Id> = after.iter().map(&id).collect();
    let drop: std::collections::HashSet<Id> = before
        .iter()
        .map(&id)
        .filter(|i| !keep.contains(i))
        .collect();
    if !drop.is_empty() {
        rows.retain(|r| !drop.contains(&id(r)));
    }
    if after.is_empty() {
        return;
    }
    let pos: std::collections::HashMap<Id, usize> =
        rows.iter().enumerate().map(|(i, r)| (id(r), i)).collect();
    for a in after {
        match pos.get(&id(a)) {
            Some(&i) => rows[i] = a.clone(),
            None => rows.push(a.clone()),
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

const HISTORY_LIMIT: usize = 500;

impl History {
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|c| c.label.as_str())
    }
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|c| c.label.as_str())
    }
}

/// What became of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Someone else changed the file since it was opened or saved here.
    ChangedOnDisk,
}

#[derive(Debug, Default)]
pub struct Session {
    pub project: Project,
    pub path: Option<PathBuf>,
    pub history: History,
    /// Bumped on every change; caches compare it to know when to rebuild.
    pub generation: u64,
    saved_generation: u64,
    stamp: Option<FileStamp>,
}

impl Session {
    pub fn new(project: Project, path: Option<PathBuf>) -> Session {
        let stamp = path.as_deref().and_then(store::stamp);
        Session {
            project,
            path,
            history: History::default(),
            generation: 1,
            saved_generation: 1,
            stamp,
        }
    }

    pub fn open(path: &Path) -> Result<Session, StoreError> {
        let project = store::load(path)?;
        Ok(Session::new(project, Some(path.to_path_buf())))
    }

    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// Mark unsaved (a project recovered from autosave, or made from a template).
    pub fn mark_dirty(&mut self) {
        self.generation += 1;
    }

    pub fn file_name(&self) -> String {
        match self.path.as_deref().and_then(|p| p.file_name()) {
            Some(n) => n.to_string_lossy().into_owned(),
            None if !self.project.name.is_empty() => {
                format!("{} (not saved yet)", self.project.name)
            }
            None => "untitled project (not saved yet)".to_string(),
        }
    }

    pub fn apply(&mut self, change: Change) {
        if change.is_empty() {
            return;
        }
        change.apply_to(&mut self.project);
        self.history.undo.push(change);
        if self.history.undo.len() > HISTORY_LIMIT {
            self.history.undo.remove(0);
        }
        self.history.redo.clear();
        self.generation += 1;
    }

    pub fn undo(&mut self) -> Option<String> {
        let c = self.history.undo.pop()?;
        c.inverse().apply_to(&mut self.project);
        let label = c.label.clone();
        self.history.redo.push(c);
        self.generation += 1;
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let c = self.history.redo.pop()?;
        c.apply_to(&mut self.project);
        let label = c.label.clone();
        self.history.undo.push(c);
        self.generation += 1;
        Some(label)
    }

    /// Has the file changed on disk since we opened or saved it?
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.stamp) {
            (Some(p), Some(s)) => store::stamp(p).is_some_and(|now| now != *s),
            _ => false,
        }
    }

    /// Save to the session's path (or `to`, which becomes the path). Refuses to
    /// overwrite a file changed by someone else unless `force`.
    pub fn save(&mut self, to: Option<&Path>, force: bool) -> Result<SaveOutcome, StoreError> {
        let target = match to {
            Some(p) => p.to_path_buf(),
            None => self.path.clone().ok_or_else(|| StoreError::Io {
                path: PathBuf::from("untitled"),
                message: "the project has no file yet: use Save As".into(),
            })?,
        };
        let same_file = self.path.as_deref() == Some(target.as_path());
        if same_file && !force && self.changed_on_disk() {
            return Ok(SaveOutcome::ChangedOnDisk);
        }
        store::save(&self.project, &target)?;
        self.path = Some(target.clone());
        self.stamp = store::stamp(&target);
        self.saved_generation = self.generation;
        let _ = std::fs::remove_file(store::recovery_path(&target));
        Ok(SaveOutcome::Saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Review, Source};

    fn session() -> Session {
        let text = "Zhejiang report 2021\n\nThis year GDP will grow more than 6.5%. Create 800,000 urban jobs.\n";
        let mut p = Project::default();
        p.add_document(
            Document {
                id: 0,
                title: "zj".into(),
                file_name: "zj.txt".into(),
                path: String::new(),
                hash: "h".into(),
                imported: 0,
                encoding: String::new(),
                format: String::new(),
                report_year: None,
                report_date_note: String::new(),
                text: text.into(),
            },
            crate::extract::extract("zj.txt", text),
        );
        Session::new(p, None)
    }

    #[test]
    fn undo_redo_review_and_actuals() {
        let mut s = session();
        let original = s.project.clone();
        let f = s.project.findings[0].clone();
        let mut accepted = f.clone();
        accepted.review = Review::Accepted;
        s.apply(Change {
            label: "accept".into(),
            findings_before: vec![f.clone()],
            findings_after: vec![accepted],
            ..Change::default()
        });
        let obs = Observation {
            id: s.project.next_id,
            target: f.id,
            year: 2021,
            value: 8.5,
            unit: "%".into(),
            note: String::new(),
            source_ref: String::new(),
            source: Source::Manual,
            recorded: 0,
        };
        s.apply(Change {
            label: "record".into(),
            observations_after: vec![obs],
            ..Change::default()
        });
        let edited = s.project.clone();
        assert!(s.is_dirty());
        assert_eq!(s.history.undo_label(), Some("record"));
        assert_eq!(s.undo().as_deref(), Some("record"));
        assert!(s.project.observations.is_empty());
        assert_eq!(s.undo().as_deref(), Some("accept"));
        assert_eq!(s.project.findings, original.findings);
        assert_eq!(s.redo().as_deref(), Some("accept"));
        assert_eq!(s.redo().as_deref(), Some("record"));
        assert_eq!(s.project.findings, edited.findings);
        assert_eq!(s.project.observations, edited.observations);
        assert!(s.redo().is_none());
    }

    #[test]
    fn delete_document_and_undo() {
        let mut s = session();
        let before = s.project.clone();
        let doc = s.project.documents[0].clone();
        let bundle = DocBundle {
            findings: s.project.findings.clone(),
            observations: Vec::new(),
            doc,
        };
        s.apply(Change {
            label: "delete".into(),
            docs_removed: vec![bundle],
            ..Change::default()
        });
        assert!(s.project.documents.is_empty() && s.project.findings.is_empty());
        s.undo();
        assert_eq!(s.project.documents, before.documents);
        assert_eq!(s.project.findings, before.findings);
    }

    #[test]
    fn save_refuses_to_overwrite_a_file_changed_elsewhere() {
        let dir = std::env::temp_dir().join(format!("plantrack-session-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.ron");
        let mut s = session();
        assert!(s.save(None, false).is_err(), "no path yet");
        assert_eq!(s.save(Some(&path), false).unwrap(), SaveOutcome::Saved);
        assert!(!s.is_dirty());
        // someone else writes the file
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, store::to_string(&Project::default()) + "\n").unwrap();
        s.mark_dirty();
        assert_eq!(s.save(None, false).unwrap(), SaveOutcome::ChangedOnDisk);
        assert_eq!(s.save(None, true).unwrap(), SaveOutcome::Saved);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
