//! Who to tell when a document changes. Each connection subscribes to the documents it
//! syncs, so a change wakes only the connections that sync that document, not every open
//! connection; and changes that land within [`BATCH`] of each other (a burst of sign-ups
//! moving the counts, say) go out as one push per document.

use kumppani_core::ids::DocId;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

/// How long a connection gathers changes before it pushes them.
pub const BATCH: Duration = Duration::from_millis(50);

/// One connection's changed documents, waiting to be pushed.
#[derive(Default)]
pub struct Inbox {
    waiting: Mutex<Waiting>,
    notify: Notify,
}

#[derive(Default)]
struct Waiting {
    docs: HashSet<DocId>,
    /// When the first of them changed; the push goes out [`BATCH`] after.
    since: Option<Instant>,
}

impl Inbox {
    fn add(&self, doc: DocId) {
        let mut w = self.waiting.lock().expect("inbox");
        w.docs.insert(doc);
        w.since.get_or_insert_with(Instant::now);
        drop(w);
        self.notify.notify_one();
    }

    /// The documents that changed, once [`BATCH`] has passed since the first of them.
    /// Cancel-safe: a call dropped halfway leaves them for the next one, same deadline.
    pub async fn changed(&self) -> Vec<DocId> {
        loop {
            let since = self.waiting.lock().expect("inbox").since;
            match since {
                Some(since) => {
                    tokio::time::sleep_until(since + BATCH).await;
                    let mut w = self.waiting.lock().expect("inbox");
                    w.since = None;
                    let docs: Vec<DocId> = w.docs.drain().collect();
                    if !docs.is_empty() {
                        return docs;
                    }
                }
                None => self.notify.notified().await,
            }
        }
    }
}

/// The connections (by id) that sync one document.
type Subscribers = HashMap<u64, Arc<Inbox>>;

/// Document → the connections that sync it.
#[derive(Clone, Default)]
pub struct DocFeeds {
    subscribers: Arc<Mutex<HashMap<DocId, Subscribers>>>,
}

impl DocFeeds {
    pub fn subscribe(&self, doc: DocId, connection: u64, inbox: &Arc<Inbox>) {
        self.subscribers
            .lock()
            .expect("doc feeds")
            .entry(doc)
            .or_default()
            .insert(connection, inbox.clone());
    }

    pub fn unsubscribe(&self, connection: u64, docs: impl IntoIterator<Item = DocId>) {
        let mut subs = self.subscribers.lock().expect("doc feeds");
        for doc in docs {
            if let Some(conns) = subs.get_mut(&doc) {
                conns.remove(&connection);
                if conns.is_empty() {
                    subs.remove(&doc);
                }
            }
        }
    }

    /// `doc` changed through connection `origin` (which has the change already).
    pub fn changed(&self, doc: DocId, origin: u64) {
        let subs = self.subscribers.lock().expect("doc feeds");
        if let Some(conns) = subs.get(&doc) {
            for (_, inbox) in conns.iter().filter(|(id, _)| **id != origin) {
                inbox.add(doc);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn changes_reach_only_subscribers_other_than_the_origin_and_collapse_per_document() {
        let feeds = DocFeeds::default();
        let (a, b) = (Arc::new(Inbox::default()), Arc::new(Inbox::default()));
        let (d1, d2) = (DocId::from_bytes([1; 16]), DocId::from_bytes([2; 16]));
        feeds.subscribe(d1, 1, &a);
        feeds.subscribe(d1, 2, &b);
        feeds.subscribe(d2, 2, &b);
        feeds.changed(d1, 1);
        feeds.changed(d1, 3);
        feeds.changed(d2, 3);
        let mut got = b.changed().await;
        got.sort();
        assert_eq!(got, [d1, d2], "one push per document");
        assert_eq!(
            a.changed().await,
            [d1],
            "not its own change, once for the other"
        );
        feeds.unsubscribe(2, [d1, d2]);
        feeds.changed(d2, 3);
        assert!(tokio::time::timeout(BATCH * 4, b.changed()).await.is_err());
    }
}
