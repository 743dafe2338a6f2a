# organise_diary (fi): see src/i18n.rs. Keys start with the area's prefix.
