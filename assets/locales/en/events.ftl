# Events for residents: the list, one event, its facts, signing up, the ticket; and an
# organiser cancelling an event.
events-title = Events
events-none = No upcoming events yet.
events-new = New
events-not-found = Event not found
events-not-found-text = It may not have reached this device yet.
events-back = Back to events
events-when = When
events-where = Where
events-places = Places
events-languages = Languages
events-accessibility = Accessibility
events-step-free = Step-free access
events-induction-loop = Induction loop
events-sign-language = Sign-language interpretation
events-quiet-room = Quiet room
events-signup = Sign-up
events-needs-approval = The organiser approves each sign-up.
events-places-unlimited = No limit on places
events-places-full =
    { $capacity ->
        [one] 1 place, taken · { $waiting } on the waitlist
       *[other] { $capacity } places, all taken · { $waiting } on the waitlist
    }
events-places-left =
    { $capacity ->
        [one] 1 place, { $left } left
       *[other] { $capacity } places, { $left } left
    }
events-places-count =
    { $capacity ->
        [one] 1 place
       *[other] { $capacity } places
    }
events-cancel = Cancel event
events-cancel-confirm = Cancel this event? Everyone signed up will see that it is cancelled.
events-cancel-yes = Yes, cancel the event
events-cancelling = Cancelling…
events-keep = Keep the event
signup-button = Sign up
signup-button-label = Sign up: { $title }
signup-cancel = Cancel sign-up
signup-cancel-label = Cancel sign-up: { $title }
signup-saving = Saving…
signup-event-cancelled = This event is cancelled.
signup-waiting-for-hub = Signed up on this device. It reaches the hub when you are online; seats go in the order the hub receives sign-ups.
signup-moved-up = Moved up from the waitlist: you have a seat. Show your ticket at the door.
signup-confirmed = Confirmed: you have a seat. Show your ticket at the door.
signup-waitlisted = On the waitlist, number { $position }. You move up if someone cancels.
signup-awaiting-approval = Waiting for the organiser to approve your sign-up.
signup-declined = The organiser could not take your sign-up for this event.
signup-cancelled = You cancelled your sign-up.
signup-event-changed = { $status } The event has changed since you signed up: check the details.
ticket-title = Your ticket
ticket-qr-label = Ticket QR code for { $title }
ticket-code-intro = Or tell the organiser this code:
