# organise_diary (en): see src/i18n.rs. Keys start with the area's prefix.
# Organisers: the diary's settings page (prompts, safeguarding notice, idle lock, set-up codes).
organise-diary-title = Diary
organise-diary-organisers-only = This page is for the project's organisers.
organise-diary-shared-link = Shared diary entries ({ $count })
organise-diary-prompts-heading =
    { $count ->
        [0] No prompts yet
       *[other] Prompts ({ $count })
    }
organise-diary-prompts-hint = Diary keepers see the open prompts when they write. A prompt is optional for them.
organise-diary-new-prompt = New prompt
organise-diary-prompt-open = Open
organise-diary-prompt-scheduled = Scheduled
organise-diary-prompt-closed = Closed
# $opens and $closes are dates.
organise-diary-prompt-open-closes = Open since { $opens } · closes { $closes }
organise-diary-prompt-open-no-close = Open since { $opens } · no closing date
organise-diary-prompt-scheduled-closes = Opens { $opens } · closes { $closes }
organise-diary-prompt-scheduled-no-close = Opens { $opens } · no closing date
organise-diary-prompt-was-open = Was open { $opens } – { $closes }
organise-diary-prompt-closed-opened = Closed · opened { $opens }
organise-diary-prompt-remove-confirm = Remove this prompt? Entries that answered it stay, shown as answering a removed prompt.
organise-diary-prompt-removing = Removing…
organise-diary-prompt-remove-yes = Yes, remove
organise-diary-prompt-edit = Edit
organise-diary-prompt-closing = Closing…
organise-diary-prompt-close-now = Close now
organise-diary-prompt-remove = Remove
prompt-form-text = Prompt
prompt-form-text-hint = A question or an invitation diary keepers see while it is open. At most { $max } characters.
prompt-form-opens = Opens on
prompt-form-closes = Closes on (optional)
prompt-form-closes-hint = From this day on, diary keepers no longer see the prompt. Leave it empty to keep it open.
prompt-form-saving = Saving…
prompt-form-save-changes = Save changes
prompt-form-add = Add prompt
prompt-form-added = Prompt added. It is saved on this device.
prompt-form-no-opening = Choose the day the prompt opens.
prompt-form-bad-closing = The closing day is not a date. Leave it empty to keep the prompt open.
prompt-form-empty = Write the prompt.
prompt-form-too-long = The prompt is too long: at most { $max } characters.
prompt-form-closes-before-opening = The prompt must close after it opens.
organise-diary-notice-title = Safeguarding notice
organise-diary-notice-label = What diary keepers read before they share
organise-diary-notice-hint = Say who reads shared entries, what you do not do (for example: you do not answer each entry and you do not watch it around the clock), and where to get help now: a phone number or a place. Diary keepers see it again when you change it. Leave it empty to remove it.
organise-diary-notice-too-long = The notice is too long: at most { $max } characters.
organise-diary-notice-save = Save notice
organise-diary-notice-saved = Notice saved on this device.
organise-diary-idle-lock-title = Lock when not in use
organise-diary-idle-lock-label = Minutes without use before the app locks
organise-diary-idle-lock-hint = On a shared tablet this stops the next person from reading someone's diary. After this many minutes without a touch, the app locks on every device of the project and asks for the PIN again. From 1 to { $max } minutes.
organise-diary-idle-lock-bad = Write a whole number of minutes from 1 to { $max }.
organise-diary-idle-lock-save = Save
organise-diary-idle-lock-saved = Saved on this device.
setup-title = Set up a person without a phone
setup-intro = For someone who keeps a diary on the project's shared tablet. You make a code; they type it on the tablet and choose their own PIN. You never learn their PIN.
setup-name = Their name
setup-no-name = Write the person's name.
setup-making = Making a code…
setup-make = Make a code
setup-code-for = The code for { $name }:
# $add and $have_code are the lock screen's words (lock-add, link-title); $until is a date and time.
setup-code-how = On the shared tablet choose “{ $add }”, type this code under “{ $have_code }”; the person then chooses their own PIN there. The code works once, until { $until }.

# Organisers: the shared diary entries (filters, charts, export, coding).
shared-entries-title = Shared diary entries
shared-entries-filter-title = Show
shared-entries-filter-prompt = Prompt
shared-entries-any-prompt = Any prompt
shared-entries-no-prompt = No prompt
shared-entries-filter-tag = Tag
shared-entries-any-tag = Any tag
shared-entries-filter-mood = Mood
shared-entries-any-mood = Any mood
# $word is a mood word (mood-1 … mood-5), $n its number.
shared-entries-mood-option = { $word } ({ $n })
shared-entries-from = From date
shared-entries-to = To date
shared-entries-show-all = Show all
shared-entries-showing =
    { $total ->
        [one] Showing { $shown } of { $total } entry
       *[other] Showing { $shown } of { $total } entries
    }
shared-entries-charts-title = At a glance
shared-entries-charts-hint = The charts count the entries shown.
shared-entries-by-prompt-caption = Entries per prompt
shared-entries-by-prompt-heading = Prompt
shared-entries-entries-heading = Entries
shared-entries-removed-prompt = A removed prompt
shared-entries-no-moods = No entries to show a mood for.
shared-entries-mood-caption = Average mood per week (1 very bad – 5 very good)
shared-entries-week-heading = Week
shared-entries-average-heading = Average mood
shared-entries-week = Week { $week }, { $year }
# $date is the week's Monday.
shared-entries-week-from = (from { $date })
# An average mood with one decimal: 3.5 is $whole 3 and $tenths 5.
shared-entries-average = { $whole }.{ $tenths }
shared-entries-export-title = Export
shared-entries-export-hint =
    { $count ->
        [one] The files hold the 1 entry shown, with its codes.
       *[other] The files hold the { $count } entries shown, with their codes.
    }
shared-entries-leave-out-names = Leave out names
shared-entries-download-csv = Download entries (CSV)
shared-entries-download-json = Download entries (JSON)
shared-entries-json-downloading = The JSON file is downloading.
shared-entries-csv-downloading = The CSV file is downloading.
shared-entries-json-failed = The entries could not be written: { $reason }
shared-entries-none-yet = No shared entries yet
shared-entries-none-match = No entries match
shared-entries-list-heading = Entries ({ $count })
# A sentence around a link: before, the link, after.
shared-entries-no-themes-before = To code entries, add analysis themes on the
shared-entries-no-themes-link = diary settings page
shared-entries-no-themes-after = .
shared-entries-codes = Codes
shared-entries-code-theme = Code “{ $theme }”
shared-entries-mood = Mood: { $word } ({ $n })
shared-entries-answers = Answers: { $prompt }
shared-entries-answers-removed = Answers a removed prompt
shared-entries-tags = Tags
shared-entries-shared-by = Shared by { $name }
shared-entries-shared-by-name = Shared by name
shared-entries-shared-anonymously = Shared anonymously
prompt-form-text-in = Prompt ({ $language })
organise-diary-languages-title = Project languages
organise-diary-languages-hint = Events and prompts get a field for each language. Residents see their own language, or the first language when a text is missing.
organise-diary-languages-first = First language
organise-diary-languages-others = Other languages
organise-diary-languages-save = Save languages
organise-diary-languages-saved = Saved on this device.
