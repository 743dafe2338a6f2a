# organise_ideas (en): see src/i18n.rs. Keys start with the area's prefix.
# Organisers' ideas page: counts, ideas waiting for an answer, moderation, export.
organise-ideas-title = Ideas
organise-ideas-only-organisers = This page is for the project's organisers.
organise-ideas-glance = At a glance
organise-ideas-total =
    { $count ->
        [one] 1 published idea.
       *[other] { $count } published ideas.
    }
organise-ideas-no-theme = No theme
chart-ideas-per-theme = Ideas per theme
chart-ideas-per-status = Ideas per status
chart-theme = Theme
chart-status = Status
chart-ideas = Ideas
organise-ideas-attention =
    { $count ->
        [0] No ideas waiting
       *[other] Needing attention ({ $count })
    }
organise-ideas-supports =
    { $count ->
        [one] 1 support
       *[other] { $count } supports
    }
organise-ideas-export = Export
organise-ideas-download-csv = Download ideas (CSV)
organise-ideas-download-json = Download ideas (JSON)
organise-ideas-csv-downloading = The CSV file is downloading.
organise-ideas-json-downloading = The JSON file is downloading.
organise-ideas-json-failed = The ideas could not be written: { $reason }
organise-ideas-reports = Reports
organise-ideas-threshold = Reports from different members that hide an idea or comment until you review it
organise-ideas-threshold-not-number = Write a whole number, for example 3.
organise-ideas-threshold-save = Save
organise-ideas-threshold-saved = Saved on this device.
# The moderation queue and the hide / restore controls.
moderation-queue-heading =
    { $count ->
        [0] Nothing hidden
       *[other] Hidden ({ $count })
    }
# Followed by the idea's title.
moderation-comment-on = Comment on
# Followed by the idea's title.
moderation-idea = Idea
moderation-reason = Reason: { $reason }
moderation-reason-reports = Hidden after reports from residents.
moderation-reason-comment = Hidden after reports, or by an organiser.
moderation-reason-label = Reason the author will see
moderation-reason-empty = Write the reason the author will see first.
moderation-hide = Hide
moderation-hiding = Hiding…
moderation-restore = Restore
moderation-restoring = Restoring…
moderation-hidden-done = Hidden on this device; it goes to the hub with the next sync.
moderation-restored-done = Restored on this device; it goes to the hub with the next sync.
# Answering an idea: the new status, the note and milestones.
answer-new-status = New status
answer-note = Note to the author and supporters
answer-send = Send answer
answer-sending = Sending…
answer-saved = Answer saved on this device.
answer-milestone = Milestone
answer-milestone-add = Add milestone
answer-milestone-adding = Adding…
answer-milestone-saved = Milestone saved on this device.
answer-milestone-empty = Write the milestone first.
# The theme lists (ideas' themes and the organisers' analysis themes).
themes-ideas-title = Themes
themes-ideas-hint = Residents choose one of these for their idea, in this order.
themes-analysis-title = Analysis themes
themes-analysis-hint = Only organisers see these. You can mark shared diary entries with them on the Shared diary entries page.
themes-label = Themes, one per line
themes-save = Save themes
themes-saved = Themes saved on this device.
themes-names-hint = Names in the project's other languages. Residents see the name in their language, or the one above when it has none.
themes-name-in = Name ({ $language })
# The submit button of organisers' settings forms while it waits.
save-saving = Saving…
