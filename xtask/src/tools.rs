//! Everything xtask installs, in one place. Each `ensure_*` checks first and
//! installs only what is missing or at the wrong version, saying what and why.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{cargo, output, run, step, workspace_root};

/// dx, the Dioxus CLI that builds the web app; must match the app's dioxus.
pub const DX_VERSION: &str = "0.7.10";
/// esbuild that dx 0.7.10 pins (it bundles the app's JS glue).
const ESBUILD_VERSION: &str = "0.27.3";
/// binaryen (wasm-opt) that dx 0.7.10 pins (it shrinks the release wasm).
const BINARYEN_VERSION: &str = "129";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The tools for building the web app, found or installed. Commands made by
/// [`Tools::command`] see them on PATH.
pub struct Tools {
    path: OsString,
    pub wasm_bindgen_test_runner: PathBuf,
}

impl Tools {
    /// A command whose PATH has ~/.cargo/bin and .tools/node_modules/.bin first.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let program = program.as_ref();
        let resolved = which(Path::new(program), &self.path).unwrap_or_else(|| program.into());
        let mut cmd = Command::new(resolved);
        cmd.env("PATH", &self.path).current_dir(workspace_root());
        cmd
    }

    /// A `cargo` command that sees the tools on PATH.
    pub fn cargo(&self) -> Command {
        let mut cmd = cargo();
        cmd.env("PATH", &self.path);
        cmd
    }
}

/// Everything `dx build --platform web` needs: the wasm32 target, dx,
/// wasm-bindgen-cli matching Cargo.lock, and esbuild + wasm-opt from npm.
pub fn ensure_web_tools() -> Result<Tools> {
    let root = workspace_root();
    let node_bin = root.join(".tools/node_modules/.bin");
    let mut dirs = vec![node_bin.clone(), cargo_bin()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).context("PATH contains an unusable directory")?;

    ensure_wasm_target()?;
    ensure_dx(&path)?;
    let wasm_bindgen_test_runner = ensure_wasm_bindgen(&path)?;
    ensure_node_tools(&path, &node_bin)?;
    Ok(Tools {
        path,
        wasm_bindgen_test_runner,
    })
}

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// Finds `program` on `path` (or returns it as is if it has a directory part).
fn which(program: &Path, path: &OsString) -> Option<PathBuf> {
    if program.components().count() > 1 {
        return program.is_file().then(|| program.to_path_buf());
    }
    std::env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

pub fn ensure_wasm_target() -> Result<()> {
    step(format!("Checking the Rust target {WASM_TARGET}"));
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .context("could not run `rustup target list --installed`: is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("    {WASM_TARGET} is installed");
        return Ok(());
    }
    step(format!(
        "Installing the Rust target {WASM_TARGET} (the web app compiles to WebAssembly)"
    ));
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_dx(path: &OsString) -> Result<()> {
    step(format!("Checking dx (dioxus-cli {DX_VERSION})"));
    if let Some(dx) = which(Path::new("dx"), path) {
        match output(Command::new(&dx).arg("--version")) {
            Some(v) if v.split_whitespace().any(|w| w == DX_VERSION) => {
                println!("    {} is {v}", dx.display());
                return Ok(());
            }
            v => println!(
                "    {} is {}, not {DX_VERSION}",
                dx.display(),
                v.as_deref().unwrap_or("unusable")
            ),
        }
    }
    step(format!(
        "Installing dioxus-cli {DX_VERSION} into {} (dx builds the web app; compiling it takes about 12 minutes, once)",
        cargo_bin().display()
    ));
    run(cargo().args(["install", "dioxus-cli", "--version", DX_VERSION, "--locked"]))
}

/// The version of `package` that Cargo.lock pins (the first entry if several).
pub fn locked_version(package: &str) -> Result<String> {
    let lock_path = workspace_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("could not read {}", lock_path.display()))?;
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    bail!("{package} is not in {}", lock_path.display())
}

/// wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock: dx
/// uses its `wasm-bindgen`, the wasm tests its `wasm-bindgen-test-runner`.
fn ensure_wasm_bindgen(path: &OsString) -> Result<PathBuf> {
    let version = locked_version("wasm-bindgen")?;
    step(format!(
        "Checking wasm-bindgen-cli {version} (the wasm-bindgen version in Cargo.lock)"
    ));
    let found = which(Path::new("wasm-bindgen"), path).and_then(|bin| {
        let v = output(Command::new(&bin).arg("--version"))?;
        let runner = bin.with_file_name("wasm-bindgen-test-runner");
        (v.split_whitespace().nth(1) == Some(version.as_str()) && runner.is_file())
            .then_some(runner)
            .or_else(|| {
                println!("    {} is `{v}`, not {version}", bin.display());
                None
            })
    });
    if let Some(runner) = found {
        println!("    wasm-bindgen {version} and {} found", runner.display());
        return Ok(runner);
    }
    step(format!(
        "Installing wasm-bindgen-cli {version} into {} (dx and the wasm tests need exactly this version; a few minutes, once)",
        cargo_bin().display()
    ));
    let install = |locked: bool| {
        let mut cmd = cargo();
        cmd.args(["install", "wasm-bindgen-cli", "--version", &version]);
        if locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)
    };
    if let Err(err) = install(true) {
        println!("    {err:#}\n    retrying without --locked (a locked dependency may be gone from crates.io)");
        install(false)?;
    }
    let runner = cargo_bin().join("wasm-bindgen-test-runner");
    if !runner.is_file() {
        bail!(
            "wasm-bindgen-cli installed, but {} is missing",
            runner.display()
        );
    }
    Ok(runner)
}

/// esbuild and wasm-opt come from npm into .tools/ (gitignored), at the versions
/// dx pins; with NO_DOWNLOADS=1 dx takes them from PATH instead of the internet.
fn ensure_node_tools(path: &OsString, node_bin: &Path) -> Result<()> {
    step(format!(
        "Checking esbuild {ESBUILD_VERSION} and wasm-opt (binaryen {BINARYEN_VERSION}) in .tools/"
    ));
    let version_of = |tool: &str| output(Command::new(node_bin.join(tool)).arg("--version"));
    let esbuild_ok = version_of("esbuild").as_deref() == Some(ESBUILD_VERSION);
    let wasm_opt_ok = version_of("wasm-opt")
        .is_some_and(|v| v.split_whitespace().nth(2) == Some(BINARYEN_VERSION));
    if esbuild_ok && wasm_opt_ok {
        println!("    found in {}", node_bin.display());
        return Ok(());
    }
    let dir = workspace_root().join(".tools");
    step(format!(
        "Installing esbuild {ESBUILD_VERSION} and binaryen {BINARYEN_VERSION} from npm into {} (dx bundles JS with esbuild and shrinks the wasm with wasm-opt)",
        dir.display()
    ));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("package.json"),
        format!(
            "{{\n  \"name\": \"kumppani-build-tools\",\n  \"private\": true,\n  \"description\": \"Written by cargo xtask: build tools for dx (gitignored).\",\n  \"devDependencies\": {{\n    \"binaryen\": \"{BINARYEN_VERSION}.0.0\",\n    \"esbuild\": \"{ESBUILD_VERSION}\"\n  }}\n}}\n"
        ),
    )?;
    run(npm(path)
        .current_dir(&dir)
        .args(["install", "--no-audit", "--no-fund"]))?;
    if version_of("esbuild").as_deref() != Some(ESBUILD_VERSION) || version_of("wasm-opt").is_none()
    {
        bail!(
            "esbuild or wasm-opt still missing in {} after npm install",
            node_bin.display()
        );
    }
    Ok(())
}

fn npm(path: &OsString) -> Command {
    let mut cmd = Command::new("npm");
    cmd.env("PATH", path);
    cmd
}

/// Chromium and its WebDriver from Debian, for the wasm and end-to-end tests.
pub fn ensure_chromium() -> Result<()> {
    step("Checking Chromium and chromedriver");
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        println!("    {CHROMIUM} and {CHROMEDRIVER} found");
        return Ok(());
    }
    step(
        "Installing chromium and chromium-driver with apt-get (the browser tests run in Chromium)",
    );
    apt_install(&["chromium", "chromium-driver"])?;
    if !Path::new(CHROMIUM).is_file() || !Path::new(CHROMEDRIVER).is_file() {
        bail!("apt-get finished, but {CHROMIUM} or {CHROMEDRIVER} is still missing");
    }
    Ok(())
}

/// The desktop app's build needs WebKitGTK's headers (and GTK's, xdo's); its test needs an
/// X server of its own (Xvfb) and ImageMagick's `import` for the screenshots.
pub fn ensure_desktop() -> Result<()> {
    step("Checking WebKitGTK, Xvfb and ImageMagick (the desktop app and its test)");
    let have = |pkg: &str| output(Command::new("pkg-config").args(["--exists", pkg])).is_some();
    let found = Path::new("/usr/bin/pkg-config").is_file()
        && have("webkit2gtk-4.1")
        // Debian's libxdo-dev has no pkg-config file.
        && Path::new("/usr/include/xdo.h").is_file()
        && Path::new("/usr/bin/Xvfb").is_file()
        && Path::new("/usr/bin/import").is_file();
    if found {
        println!("    webkit2gtk-4.1, xdo.h, Xvfb and import found");
        return Ok(());
    }
    step("Installing WebKitGTK's headers (libwebkit2gtk-4.1-dev), libxdo-dev, Xvfb and ImageMagick with apt-get");
    apt_install(&[
        "pkg-config",
        "libwebkit2gtk-4.1-dev",
        "libxdo-dev",
        "xvfb",
        "xauth",
        "imagemagick",
        // Recommended by the webview's package, which --no-install-recommends leaves out:
        // software OpenGL, and a font for the screenshots.
        "libgl1-mesa-dri",
        "fonts-dejavu-core",
    ])
}

/// Whether this process runs as root (then apt-get runs directly, else through sudo).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// `apt-get update` and `apt-get install -y --no-install-recommends <packages>`.
pub fn apt_install(packages: &[&str]) -> Result<()> {
    let root = is_root();
    let apt = |args: &[&str]| {
        let mut cmd = if root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// Installs e2e/'s npm packages exactly as package-lock.json says (`npm ci`),
/// or resolves and writes the lock file the first time (`npm install`).
pub fn ensure_e2e_packages(tools: &Tools) -> Result<()> {
    let e2e = workspace_root().join("e2e");
    let (what, verb) = if e2e.join("package-lock.json").is_file() {
        ("npm ci", "ci")
    } else {
        (
            "npm install (first time: writes e2e/package-lock.json, commit it)",
            "install",
        )
    };
    step(format!(
        "Installing the end-to-end test packages (@playwright/test, @axe-core/playwright) with {what}"
    ));
    run(npm(&tools.path)
        .current_dir(&e2e)
        // We use the system Chromium; never download Playwright's browsers.
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .args([verb, "--no-audit", "--no-fund"]))
}
