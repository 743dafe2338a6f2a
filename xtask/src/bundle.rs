//! The web bundle after dx: brotli and gzip copies beside each file of the app shell (the
//! hub serves them to browsers that accept them), the sizes raw, gzip and brotli, and the
//! size budget that `cargo xtask test` holds the build to.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// What the issue asks for: the app shell, wasm and JS together, at most this brotli.
pub const TARGET_BROTLI: u64 = 700_000;

/// The test fails above this. It sits just over today's build so that growth is a decision
/// (raise it in the same commit and say why), while the size is cut down to the target.
pub const BUDGET_BROTLI: u64 = 904_000;

/// The shell: what a phone downloads to start the app. Icons are already compressed.
const SHELL: &[&str] = &["html", "js", "wasm", "css", "webmanifest"];

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Sizes {
    fn add(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

/// Writes `<file>.br` and `<file>.gz` for every shell file under `public`, and returns each
/// file's sizes (by path relative to `public`) and the total.
pub fn compress(public: &Path) -> Result<(Vec<(String, Sizes)>, Sizes)> {
    let mut files = Vec::new();
    shell_files(public, &mut files)?;
    files.sort();
    let mut each = Vec::new();
    let mut total = Sizes::default();
    for path in files {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let br = brotli_of(&bytes)?;
        let gz = gzip_of(&bytes)?;
        write_beside(&path, "br", &br)?;
        write_beside(&path, "gz", &gz)?;
        let sizes = Sizes {
            raw: bytes.len() as u64,
            gzip: gz.len() as u64,
            brotli: br.len() as u64,
        };
        total.add(sizes);
        let name = path.strip_prefix(public).unwrap_or(&path);
        each.push((name.display().to_string(), sizes));
    }
    Ok((each, total))
}

/// A table of the sizes, for the build's output and BENCHMARKS.md.
pub fn table(each: &[(String, Sizes)], total: Sizes) -> String {
    let kb = |n: u64| format!("{:.1} KB", n as f64 / 1000.0);
    let mut t = String::from("| file | raw | gzip | brotli |\n|---|---|---|---|\n");
    for (name, s) in each.iter().chain([&("total".to_owned(), total)]) {
        t.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        ));
    }
    t.push_str(&format!(
        "\nbrotli total {} (budget {}, target {})\n",
        kb(total.brotli),
        kb(BUDGET_BROTLI),
        kb(TARGET_BROTLI)
    ));
    t
}

/// Fails when the shell is over the budget.
pub fn check_budget(total: Sizes) -> Result<()> {
    if total.brotli > BUDGET_BROTLI {
        bail!(
            "the app shell is {} bytes brotli, over the budget of {BUDGET_BROTLI} \
             (xtask/src/bundle.rs; the target is {TARGET_BROTLI}): find what grew with \
             `twiggy top` on target/wasm32-unknown-unknown/wasm-release/kumppani.wasm",
            total.brotli
        );
    }
    Ok(())
}

fn shell_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            shell_files(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| SHELL.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn brotli_of(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).context("brotli")?;
    Ok(out)
}

fn gzip_of(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

fn write_beside(path: &Path, ext: &str, bytes: &[u8]) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    std::fs::write(&name, bytes).with_context(|| format!("writing {}", Path::new(&name).display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_files_get_compressed_copies_and_icons_do_not() {
        let dir = std::env::temp_dir().join(format!("kumppani-bundle-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        let text = "Tervetuloa asukasiltaan! ".repeat(200);
        std::fs::write(dir.join("index.html"), &text).unwrap();
        std::fs::write(dir.join("assets/app.js"), &text).unwrap();
        std::fs::write(dir.join("icon.png"), [0u8; 100]).unwrap();
        let (each, total) = compress(&dir).unwrap();
        let names: Vec<_> = each.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["assets/app.js", "index.html"]);
        assert_eq!(total.raw, 2 * text.len() as u64);
        assert!(total.brotli < total.gzip && total.gzip < total.raw / 10);
        let br = std::fs::read(dir.join("assets/app.js.br")).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(!dir.join("icon.png.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
