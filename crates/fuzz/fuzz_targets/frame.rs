//! Frame decoding: any bytes decode to a frame or an error, never a panic; a frame that
//! decodes encodes back to bytes that decode to the same frame.
#![no_main]

use kumppani_core::wire::Frame;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(frame) = Frame::decode(data) {
        assert_eq!(Frame::decode(&frame.encode()).as_ref(), Ok(&frame));
    }
});
