//! The Kumppani app's entry point; everything else is in the library.

fn main() {
    kumppani::launch();
}
