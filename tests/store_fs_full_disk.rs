//! The native file store on a full disk: writes fail in the kernel (this process's file
//! size limit fails a write past it as a full disk fails one past the end), the store
//! says `Full`, and what it held before is whole. One test in a binary of its own, since
//! the limit holds for the whole process.
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use kumppani::sync::store_error::StoreError;
use kumppani::sync::store_fs::FsStore;
use kumppani_core::ids::DocId;
use kumppani_core::store::DocStore;

fn set_file_size_limit(bytes: libc::rlim_t) {
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: plain system calls with valid arguments. An ignored SIGXFSZ makes a write
    // past the limit fail with EFBIG instead of ending the process.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
}

fn chunks(store: &FsStore, doc: &DocId) -> Vec<Vec<u8>> {
    let stored = block_on(store.load(doc)).unwrap();
    stored.chunks.into_iter().map(|(_, c)| c).collect()
}

#[test]
fn a_full_disk_is_reported_as_full_and_keeps_everything_stored_before() {
    let dir = tempfile::tempdir().unwrap();
    let doc = DocId::from_bytes([7; 16]);
    let store = FsStore::open(dir.path()).unwrap();
    block_on(store.append_chunk(&doc, b"maanantain merkinta")).unwrap();
    block_on(store.put_meta("profile", b"Aada")).unwrap();

    set_file_size_limit(4096);
    let big = vec![b'x'; 64 * 1024];
    let appended = block_on(store.append_chunk(&doc, &big));
    assert!(matches!(appended, Err(StoreError::Full)), "{appended:?}");
    let put = block_on(store.put_meta("profile", &big));
    assert!(matches!(put, Err(StoreError::Full)), "{put:?}");
    set_file_size_limit(libc::RLIM_INFINITY);

    // Reopened as after a restart: the old chunk and metadata whole, no half file left.
    store.close();
    let store = FsStore::open(dir.path()).unwrap();
    assert_eq!(chunks(&store, &doc), [b"maanantain merkinta".to_vec()]);
    assert_eq!(
        block_on(store.get_meta("profile")).unwrap().as_deref(),
        Some(&b"Aada"[..])
    );
    let leftovers: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // With room again the same write lands.
    block_on(store.append_chunk(&doc, &big)).unwrap();
    assert_eq!(chunks(&store, &doc).len(), 2);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
