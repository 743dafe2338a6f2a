# organise_diary (sv): see src/i18n.rs. Keys start with the area's prefix.
