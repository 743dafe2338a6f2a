//! The camera at the door: whether this browser reads QR codes from a camera it has, and
//! one scan into a `<video>`. Bound through wasm-bindgen, not evaluated script, so the app
//! runs under a Content-Security-Policy without `'unsafe-eval'`.

// Natively the scanner only ever fails: there is no BarcodeDetector.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum ScanOutcome {
    Code(String),
    Failed(ScanFailure),
    /// The organiser closed the camera, or left the page.
    Stopped,
}

/// Why the camera gave no code; each way ends in typing the code instead.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum ScanFailure {
    /// The browser has no QR code reader after all.
    NoDetector,
    /// The camera could not be opened (refused, or in use).
    NoCamera,
    /// Reading the camera failed while it was on.
    CameraStopped,
    /// Not a browser: natively there is no camera to scan with.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    NotInBrowser,
}

#[cfg(target_arch = "wasm32")]
pub use web::{camera_available, scan_once};

#[cfg(not(target_arch = "wasm32"))]
pub async fn camera_available() -> bool {
    false
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn scan_once(_video_id: &str) -> ScanOutcome {
    ScanOutcome::Failed(ScanFailure::NotInBrowser)
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::{ScanFailure, ScanOutcome};
    use js_sys::{Array, Object, Promise, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{HtmlVideoElement, MediaDeviceInfo, MediaDeviceKind, MediaStream};

    /// How often a frame of the camera is read while scanning.
    const SCAN_EVERY_MS: u32 = 250;

    // The Barcode Detection API; web-sys has no binding for it yet.
    #[wasm_bindgen]
    extern "C" {
        type BarcodeDetector;

        #[wasm_bindgen(constructor, catch)]
        fn new(options: &JsValue) -> Result<BarcodeDetector, JsValue>;

        #[wasm_bindgen(static_method_of = BarcodeDetector, js_name = getSupportedFormats, catch)]
        fn supported_formats() -> Result<Promise, JsValue>;

        #[wasm_bindgen(method, catch)]
        fn detect(this: &BarcodeDetector, source: &HtmlVideoElement) -> Result<Promise, JsValue>;
    }

    fn has(target: &JsValue, name: &str) -> bool {
        Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
    }

    async fn resolve(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
        JsFuture::from(promise?).await
    }

    /// Whether this browser can read QR codes from a camera it has.
    pub async fn camera_available() -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        if !has(&window, "BarcodeDetector") {
            return false;
        }
        let Ok(media) = window.navigator().media_devices() else {
            return false;
        };
        if !has(&media, "getUserMedia") {
            return false;
        }
        match resolve(BarcodeDetector::supported_formats()).await {
            Ok(formats) => {
                let formats: Array = formats.unchecked_into();
                if !formats.includes(&JsValue::from_str("qr_code"), 0) {
                    return false;
                }
            }
            Err(_) => return false,
        }
        // Some browsers refuse to list devices before permission: assume a camera then.
        match resolve(media.enumerate_devices()).await {
            Ok(devices) => Array::from(&devices).iter().any(|d| {
                d.dyn_into::<MediaDeviceInfo>()
                    .is_ok_and(|d| d.kind() == MediaDeviceKind::Videoinput)
            }),
            Err(_) => true,
        }
    }

    /// Opens the camera in the `<video>` with id `video_id`, waits for a QR code, and
    /// closes the camera again whatever happens.
    pub async fn scan_once(video_id: &str) -> ScanOutcome {
        let Some(video) = find_video(video_id) else {
            return ScanOutcome::Stopped;
        };
        let options = Object::new();
        let formats = Array::of1(&JsValue::from_str("qr_code"));
        let _ = Reflect::set(&options, &JsValue::from_str("formats"), &formats);
        let Ok(detector) = BarcodeDetector::new(&options) else {
            return ScanOutcome::Failed(ScanFailure::NoDetector);
        };
        let Some(stream) = open_camera().await else {
            return ScanOutcome::Failed(ScanFailure::NoCamera);
        };
        let outcome = read_codes(&video, &detector, &stream).await;
        stream
            .get_tracks()
            .iter()
            .filter_map(|t| t.dyn_into::<web_sys::MediaStreamTrack>().ok())
            .for_each(|t| t.stop());
        outcome
    }

    fn find_video(id: &str) -> Option<HtmlVideoElement> {
        web_sys::window()?
            .document()?
            .get_element_by_id(id)?
            .dyn_into::<HtmlVideoElement>()
            .ok()
    }

    async fn open_camera() -> Option<MediaStream> {
        let media = web_sys::window()?.navigator().media_devices().ok()?;
        let video = Object::new();
        let _ = Reflect::set(
            &video,
            &JsValue::from_str("facingMode"),
            &JsValue::from_str("environment"),
        );
        let constraints = web_sys::MediaStreamConstraints::new();
        constraints.set_video(&video);
        constraints.set_audio(&JsValue::FALSE);
        let stream = resolve(media.get_user_media_with_constraints(&constraints))
            .await
            .ok()?;
        stream.dyn_into().ok()
    }

    async fn read_codes(
        video: &HtmlVideoElement,
        detector: &BarcodeDetector,
        stream: &MediaStream,
    ) -> ScanOutcome {
        if !video.is_connected() {
            return ScanOutcome::Stopped;
        }
        video.set_src_object(Some(stream));
        if let Ok(playing) = video.play() {
            let _ = JsFuture::from(playing).await;
        }
        while video.is_connected() {
            match resolve(detector.detect(video)).await {
                Ok(found) => {
                    let code = Array::from(&found)
                        .iter()
                        .next()
                        .and_then(|c| Reflect::get(&c, &JsValue::from_str("rawValue")).ok())
                        .and_then(|v| v.as_string())
                        .filter(|v| !v.is_empty());
                    if let Some(code) = code {
                        return ScanOutcome::Code(code);
                    }
                }
                // A frame the detector could not read (the video not playing yet, say).
                Err(_) if video.is_connected() => {}
                Err(_) => return ScanOutcome::Failed(ScanFailure::CameraStopped),
            }
            gloo_timers::future::TimeoutFuture::new(SCAN_EVERY_MS).await;
        }
        ScanOutcome::Stopped
    }
}
