# organise_diary (en): see src/i18n.rs. Keys start with the area's prefix.
