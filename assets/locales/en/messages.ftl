# Sentences the sync driver and the hub client give the views as they are: the status
# line, form errors, and the reason after "Cannot reach hub:".

## Why the connection to the hub stopped (after "Cannot reach hub:")
msg-conn-text-frames = the hub sent text, not sync frames
msg-conn-closed = the connection closed
msg-conn-failed = the connection failed
msg-conn-refused = the hub refused the connection
msg-conn-timeout = the hub did not answer in time
msg-conn-broke-sending = the connection broke while sending
msg-conn-signed-out = this device is no longer signed in
msg-conn-garbled = a message was garbled on the way
msg-conn-too-large = a change was too large to send
msg-conn-version = the hub runs a newer version; update the app
msg-conn-hub-busy = the hub could not save just now
msg-conn-limited = the hub asked this device to slow down; it tries again in a moment
msg-conn-hub-fault = the hub had a fault

## The status line
msg-data-unreadable = The data on this device could not be read: { $error }
msg-diary-unknown = The hub does not know this diary any more. Join the project again.
msg-device-removed = The hub no longer accepts this device (it was removed, or the project ended). Your entries are safe here; link this device again from another device to go on syncing.
msg-change-failed = That change could not be made: { $error }
msg-storage-full = This device is out of storage space, so the last change was not saved. Free some space and try again; nothing saved before is lost.
msg-storage-unavailable = This browser does not let Kumppani save data (private mode or blocked storage?). Open Kumppani in a normal window.
msg-storage-failed = Saving on this device failed ({ $error }). Try again; nothing saved before is lost.
msg-storage-sealed = This profile's data could not be opened: it may be damaged. Lock the app and open the profile again with its PIN.
msg-storage-in-use = Kumppani is already open in another window. Close that one, then open Kumppani again.

## Forms
msg-join-first = Join a project first.
msg-open-profile-first = Open your profile first.
msg-idle-lock-range = Choose from 1 to { $max } minutes.
msg-too-many-themes = Keep to { $max } themes at most; there are { $count } now.
msg-theme-name-too-long = A theme's name can be { $max } characters at most. Shorten it and save again.
msg-idea-withdraw-author-only = Only the person who wrote an idea can withdraw it.
msg-idea-change-author-only = Only the person who wrote an idea can change it.
msg-report-reason = Say briefly what is wrong, so the organisers can judge.
msg-milestone-empty = Write the milestone.
msg-merge-self = An idea cannot be merged into itself.
msg-report-threshold-range = Choose a number from 1 to 50.
msg-hide-reason = Give the reason the author will see.
msg-person-name = Write the person's name.
msg-roster-missing = The roster is not on this device yet.
msg-already-checked-in = { $name } is already checked in (at { $time }).
msg-entry-gone = That entry is no longer in your diary.
msg-entry-not-shared = That entry is not shared.

## Profiles and PINs
msg-storage-not-open = Storage on this device is not open.
msg-profiles-damaged = The list of profiles on this device is damaged: { $error }
msg-profile-gone = That profile is no longer on this device.
msg-profile-damaged = This profile's data is damaged: { $error }
msg-profile-no-data = This profile has no data on this device. Remove it and add it again with a code.
msg-weak-pin = A PIN is 4 to 12 digits (numbers only).
msg-wrong-pin = That PIN is not right. Try again.
msg-wrong-pin-wait = That PIN is not right. Wait { $wait } before the next try.
msg-wait-seconds =
    { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    }
msg-wait-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }

## The hub's API (joining, linking, devices)
msg-hub-unreachable = Cannot reach the hub. Check your connection and the address, then try again.
msg-request-unprepared = Could not prepare the request: { $error }
msg-hub-error-status = The hub answered with an error ({ $status }). Try again in a moment.
msg-hub-answer-unreadable = The hub sent an answer this app does not understand: { $error }
msg-api-unknown-code = That code is not right. Check it and try again.
msg-api-too-many-attempts = Too many wrong codes or failed sign-ins from this network. Wait a few minutes and try again.
msg-api-not-deleted = Your account could not be deleted just now; nothing was deleted. Try again later.
msg-api-linking-paused = Someone has tried many wrong link codes on this hub, so linking devices is paused for everyone. Wait a few minutes and try again.
msg-api-code-used = That code has already been used. Make a new one on your other device.
msg-api-code-expired = That code is too old. Make a new one on your other device.
msg-api-bad-request = The app sent something the hub did not understand. Update the app and try again.
msg-api-not-signed-in = This device is not signed in any more. Join again or link it from another device.
msg-api-organisers-only = Only the project's organisers can do this.
msg-api-unknown-device = That device is not one of yours.
msg-api-not-found = There is nothing here.
msg-api-unavailable = The hub is having trouble right now. Try again in a moment.
msg-api-invalid-name-empty = Please write a name.
msg-api-invalid-name-too-long = That name is too long. Use at most 80 characters.
msg-door-not-a-ticket = That is not a Kumppani ticket or code. Check the code and try again.
msg-door-forged = This ticket is not genuine: its signature does not match this project.
msg-door-other-event = This ticket is for another event.
msg-door-no-seat = No confirmed sign-up has this code for this event.
msg-door-not-confirmed = { $name } is not confirmed for this event (their sign-up is { $status }).
msg-door-no-key = This device has not yet received the project's ticket key. Sync once, then try again.
msg-mood-range = Choose how the day felt: 1 to 5.
msg-not-a-language-code = “{ $code }” is not a language code. Use a short code such as fi, sv or en.
msg-no-language = A project needs at least one language. Choose the first language.
msg-doc-not-here = This part of the project is not on this device yet. Connect to the internet, wait until it says Synced, and try again.
