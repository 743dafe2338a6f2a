# Organisers' event pages: the list of events, one event with its door, walk-ins, roster
# and export, and the form for writing or editing an event.

## The list of events
organise-only-organisers = This page is for the project's organisers.
organise-title = Organise
organise-link-ideas = Ideas: answers, moderation, themes and export
organise-link-diary = Diary: prompts, safeguarding notice, people without a phone
organise-link-entries = Shared diary entries ({ $count })
organise-events-heading =
    { $count ->
        [0] No events yet
       *[other] Events ({ $count })
    }
organise-cancelled = Cancelled
organise-counts = { $confirmed } confirmed · { $waiting } waiting
organise-counts-of-capacity = { $confirmed } / { $capacity } confirmed · { $waiting } waiting
organise-new-event = New event

## One event (the labels under the numbers take the number, for languages that need it)
organise-event-missing = This event is not on this device. It may arrive with the next sync.
organise-back = Back to events
organise-at-a-glance = At a glance
organise-count-confirmed =
    { $count ->
       *[other] confirmed
    }
organise-count-waitlisted =
    { $count ->
       *[other] waitlisted
    }
organise-count-awaiting =
    { $count ->
       *[other] awaiting approval
    }
organise-count-checked-in =
    { $count ->
       *[other] checked in
    }
organise-count-walk-ins =
    { $count ->
       *[other] walk-ins
    }
organise-door = Door
organise-walk-in = Walk-in
organise-roster = Roster
organise-export = Export
organise-edit = Edit event
organise-cancel-event = Cancel event

## The door
door-code = Ticket code
door-code-hint = The { $length }-character code under the ticket's QR code, or the whole scanned text.
door-code-missing = Type the ticket code first.
door-checking-in = Checking in…
door-check-in = Check in
door-stop-camera = Stop camera
door-scan = Scan with camera
door-camera-label = Camera view: hold the ticket's QR code in front of it
door-checked-in = { $name } is checked in.
door-no-detector = This browser cannot read QR codes. Type the code instead.
door-no-camera = The camera could not be opened. Type the code instead.
door-camera-stopped = The camera stopped. Type the code instead.
door-not-in-browser = Scanning works in the browser. Type the code instead.
door-walk-in-name = Name
door-walk-in-missing = Write the person's name first.
door-walk-in-adding = Adding…
door-walk-in-add = Add walk-in
door-walk-in-added = { $name } is added and checked in.

## The roster
roster-empty = No one has signed up yet.
roster-confirmed = Confirmed
roster-waitlist = Waitlist { $position }
roster-awaiting = Awaiting approval
roster-declined = Declined
roster-cancelled = Cancelled
roster-walk-in = Walk-in
roster-checked-in-at = Checked in { $time }
roster-approved-note = Approved; the seat follows when the hub has it.
roster-declined-note = Declined; the hub will tell them.
roster-approve = Approve
roster-approve-label = Approve { $name }
roster-approving = Approving…
roster-decline = Decline
roster-decline-label = Decline { $name }
roster-declining = Declining…
roster-preparing = Preparing the file…
roster-download = Download roster (CSV)

## Writing or editing an event
event-form-title = Title
event-form-description = Description
event-form-starts = Starts
event-form-ends = Ends
event-form-place = Place
event-form-capacity = Capacity (empty for no limit)
event-form-needs-approval = Sign-ups need approval
event-form-languages = Languages (separate with commas, e.g. fi, sv)
event-form-accessibility = Accessibility
event-form-step-free = Step-free access
event-form-induction-loop = Induction loop
event-form-sign-language = Sign-language interpretation
event-form-quiet-room = Quiet room
event-form-bad-start = The start is not a valid date and time.
event-form-bad-end = The end is not a valid date and time.
event-form-bad-capacity = The capacity is a whole number of seats; leave it empty for no limit.
event-form-no-title = The event needs a title.
event-form-title-too-long = The title is { $count } characters; at most { $max } fit.
event-form-ends-before-start = The event ends before it starts.
event-form-no-seats = An event with a capacity needs at least one seat.
event-form-changes-saved = Changes saved on this device.
event-form-saved = Event saved on this device.
event-form-saving = Saving…
event-form-save-changes = Save changes
event-form-create = Create event
event-form-title-in = Title ({ $language })
event-form-description-in = Description ({ $language })
