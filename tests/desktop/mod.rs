//! The parts of the desktop app test: a real hub, an X display (Xvfb), and the app
//! driven through its test harness (src/harness.rs) with scripts that click and type in
//! its webview as a person would.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const DEMO_JOIN_CODE: &str = "sininen-kettu";
/// How long a person-sized step (a view appearing, a sync) may take.
const STEP: Duration = Duration::from_secs(30);
/// A sync after the hub comes back waits for the app's backoff (at most 30 s).
const RECONNECT: Duration = Duration::from_secs(75);

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target dir")
        .join("artifacts");
    std::fs::create_dir_all(&dir).expect("the artifacts dir");
    dir
}

fn stop_child(child: &mut Child, signal: i32) {
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(child.id() as i32, signal) };
    let until = Instant::now() + Duration::from_secs(10);
    while Instant::now() < until {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The hub with the demo project, in a temp data dir, on a loopback port kept across
/// restarts.
pub struct Hub {
    pub url: String,
    port: u16,
    data: tempfile::TempDir,
    child: Option<Child>,
}

impl Hub {
    pub fn start() -> Hub {
        let mut hub = Hub {
            url: String::new(),
            port: 0,
            data: tempfile::tempdir().expect("a temp dir"),
            child: None,
        };
        hub.spawn();
        hub
    }

    fn spawn(&mut self) {
        let bin = std::env::var("KUMPPANI_HUB_BIN")
            .expect("KUMPPANI_HUB_BIN is not set: run this test with `cargo xtask test`");
        let mut child = Command::new(&bin)
            .args(["serve", "--data"])
            .arg(self.data.path())
            .args(["--addr", &format!("127.0.0.1:{}", self.port), "--seed-demo"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting the hub {bin}: {e}"));
        let mut lines = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        loop {
            line.clear();
            let n = lines.read_line(&mut line).expect("the hub's output");
            assert!(n > 0, "the hub exited before it listened");
            if let Some(url) = line.trim().strip_prefix("KUMPPANI_HUB_LISTENING ") {
                self.url = url.to_owned();
                break;
            }
        }
        // Keep reading, so the hub never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.lines() {});
        self.port = self
            .url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("the hub's port");
        self.child = Some(child);
    }

    /// Stops the hub (SIGTERM), as a venue's network going away would take it.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            stop_child(&mut child, libc::SIGTERM);
        }
    }

    /// Starts it again: same data, same port.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.stop();
    }
}

/// An X server of our own (Xvfb) the size of the app's window.
pub struct Display {
    pub name: String,
    child: Child,
}

impl Display {
    pub fn start() -> Display {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "420x860x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (Debian's xvfb; `cargo xtask test` installs it)");
        let mut number = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut number)
            .expect("Xvfb names its display");
        assert!(!number.trim().is_empty(), "Xvfb named no display");
        Display {
            name: format!(":{}", number.trim()),
            child,
        }
    }

    /// Saves what the screen shows as `target/artifacts/<name>.png`.
    pub fn screenshot(&self, name: &str) {
        let file = artifacts().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", &self.name, "-window", "root"])
            .arg(&file)
            .status()
            .expect("ImageMagick's import runs");
        assert!(status.success(), "the screenshot {name} was not taken");
        println!("screenshot: {}", file.display());
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        stop_child(&mut self.child, libc::SIGTERM);
    }
}

/// Finds elements as a person names them: by their label, their text, their role.
const HELPERS: &str = r#"
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const shown = (el) => !!(el && (el.offsetWidth || el.offsetHeight || el.getClientRects().length));
const labelled = (text) => {
  const fields = [...document.querySelectorAll('label')]
    .map((l) => [norm(l.textContent), l.control || l.querySelector('input, textarea, select')])
    .filter(([, field]) => shown(field));
  const exact = fields.filter(([name]) => name === text);
  return (exact.length ? exact : fields.filter(([name]) => name.includes(text))).map(([, f]) => f);
};
const named = (selector, name) => [...document.querySelectorAll(selector)]
  .filter((el) => shown(el) && (norm(el.textContent) === name || el.getAttribute('aria-label') === name));
const type = (el, value) => {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
"#;

/// One run of the desktop app, connected to this test through its harness.
pub struct App {
    child: Child,
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    log: PathBuf,
}

impl App {
    /// Starts the app with its data in `data` (the same dir again is the same computer).
    pub fn start(display: &Display, data: PathBuf, hub_url: &str) -> App {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        std::fs::create_dir_all(&data).expect("the data dir");
        let log = data.with_extension("log");
        let out = std::fs::File::options()
            .create(true)
            .append(true)
            .open(&log)
            .expect("the app's log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kumppani"))
            .env("DISPLAY", &display.name)
            .env("KUMPPANI_DATA_DIR", &data)
            .env("KUMPPANI_HUB_URL", hub_url)
            .env(
                "KUMPPANI_HARNESS",
                listener.local_addr().expect("bound").to_string(),
            )
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            // The style sheet from the source tree, as with `cargo run` (dx bundles it).
            .env("CARGO_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"))
            // Xvfb has no GPU; and no session bus for the accessibility bridge.
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env("NO_AT_BRIDGE", "1")
            .stdout(out.try_clone().expect("the log file"))
            .stderr(out)
            .spawn()
            .expect("the desktop app starts");
        listener.set_nonblocking(true).expect("non-blocking");
        let until = Instant::now() + STEP * 2;
        let stream = loop {
            let failed = match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => None,
                Err(e) => Some(format!("accepting the app's harness: {e}")),
            };
            let failed = failed
                .or_else(|| {
                    let exited = child.try_wait().ok().flatten();
                    exited.map(|status| format!("the app exited ({status})"))
                })
                .or_else(|| (Instant::now() >= until).then(|| "the app did not connect".into()));
            if let Some(why) = failed {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{why}:\n{}", tail(&log));
            }
            sleep(Duration::from_millis(100));
        };
        stream.set_nonblocking(false).expect("blocking");
        stream.set_read_timeout(Some(STEP)).expect("a read timeout");
        App {
            child,
            reader: BufReader::new(stream.try_clone().expect("a second handle")),
            writer: stream,
            log,
        }
    }

    /// Runs `body` (an async function body) in the webview; answers what it returned, or
    /// the script's error. A lost or late answer ends the test: the next answer would
    /// belong to the wrong question.
    fn eval(&mut self, body: &str) -> Result<Value, String> {
        let script = format!("{HELPERS}\n{body}");
        let line = serde_json::to_string(&script).expect("a string");
        let mut answer = String::new();
        let sent = self
            .writer
            .write_all(format!("{line}\n").as_bytes())
            .and_then(|()| self.reader.read_line(&mut answer));
        match sent {
            Ok(n) if n > 0 => {}
            Ok(_) => panic!("the app closed its harness:\n{}", tail(&self.log)),
            Err(e) => panic!("the app did not answer: {e}\n{}", tail(&self.log)),
        }
        let answer: Value = serde_json::from_str(&answer)
            .unwrap_or_else(|e| panic!("the app's answer {answer:?}: {e}"));
        match answer.get("ok") {
            Some(v) => Ok(v.clone()),
            None => Err(answer["err"].to_string()),
        }
    }

    /// Runs `body` until it returns `true`, as a person waits for what they expect.
    fn until(&mut self, what: &str, limit: Duration, body: &str) {
        let deadline = Instant::now() + limit;
        let mut last = Ok(Value::Null);
        while Instant::now() < deadline {
            last = self.eval(body);
            if last == Ok(Value::Bool(true)) {
                return;
            }
            sleep(Duration::from_millis(200));
        }
        let page = self
            .eval("return norm(document.body.innerText);")
            .unwrap_or_default();
        panic!(
            "{what}: not so after {limit:?} (last answer {last:?})\nthe page: {page}\nthe app's log:\n{}",
            tail(&self.log)
        );
    }

    pub fn wait_for_text(&mut self, text: &str) {
        let body = format!(
            "return norm(document.body.innerText).includes({});",
            js(text)
        );
        self.until(&format!("the text {text:?} shows"), STEP, &body);
    }

    pub fn wait_for_entry(&mut self, text: &str) {
        let body = format!(
            "return [...document.querySelectorAll('[data-testid=entry]')].some((e) => norm(e.innerText).includes({}));",
            js(text)
        );
        self.until(&format!("the entry {text:?} is listed"), STEP, &body);
    }

    pub fn wait_for_status(&mut self, text: &str) {
        let body = format!(
            "const s = document.querySelector('[data-testid=sync-status]'); return !!s && norm(s.innerText).includes({});",
            js(text)
        );
        self.until(&format!("the sync status says {text:?}"), RECONNECT, &body);
    }

    pub fn fill(&mut self, label: &str, value: &str) {
        self.fill_nth(label, 0, value);
    }

    /// Types into the `n`th visible field labelled `label`.
    pub fn fill_nth(&mut self, label: &str, n: usize, value: &str) {
        let body = format!(
            "const el = labelled({})[{n}]; if (!el) return 'no such field'; type(el, {}); return el.value === {};",
            js(label),
            js(value),
            js(value)
        );
        self.until(&format!("the field {label:?} takes its value"), STEP, &body);
    }

    /// Picks the radio button or checkbox labelled `label`.
    pub fn check(&mut self, label: &str) {
        let body = format!(
            "const el = labelled({})[0]; if (!el) return 'no such choice'; if (!el.checked) el.click(); return el.checked;",
            js(label)
        );
        self.until(&format!("{label:?} is chosen"), STEP, &body);
    }

    pub fn click_button(&mut self, name: &str) {
        self.click("button", name);
    }

    pub fn click_link(&mut self, name: &str) {
        self.click("a", name);
    }

    fn click(&mut self, selector: &str, name: &str) {
        let body = format!(
            "const el = named({}, {})[0]; if (!el || el.disabled) return 'not there yet'; el.click(); return true;",
            js(selector),
            js(name)
        );
        self.until(&format!("{selector} {name:?} is clicked"), STEP, &body);
    }

    pub fn text_of_test_id(&mut self, id: &str) -> String {
        let selector = format!("[data-testid={id}]");
        self.until(
            &format!("{selector} shows"),
            STEP,
            &format!(
                "const el = document.querySelector({}); return !!el && norm(el.innerText) !== '';",
                js(&selector)
            ),
        );
        self.eval(&format!(
            "return norm(document.querySelector({}).innerText);",
            js(&selector)
        ))
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .expect("the element's text")
    }

    /// The diary is open; the safeguarding notice above it is read when it shows.
    pub fn pass_notice(&mut self) {
        self.until(
            "the diary opens",
            STEP,
            "return [...document.querySelectorAll('h1, h2')].some((h) => norm(h.textContent) === 'Diary');",
        );
        let _ = self.eval(
            "const b = named('button', 'I have read this')[0]; if (b) b.click(); return !!b;",
        );
    }

    /// Opens the profile `name` from the lock screen with its PIN.
    pub fn unlock(&mut self, name: &str, pin: &str) {
        self.wait_for_text("Kumppani is locked");
        let label = format!("PIN for {name}");
        let body = format!(
            "if (labelled({}).length) return true; const b = named('button', {})[0]; if (b) b.click(); return false;",
            js(&label),
            js(name)
        );
        self.until("the PIN field shows", STEP, &body);
        self.fill(&label, pin);
        self.click_button("Open");
    }

    /// Ends the app at once (SIGKILL): no chance to save or close anything.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn js(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
