# Evenemang för invånare: listan, ett evenemang, dess uppgifter, anmälan, biljetten; och
# en organisatör som ställer in ett evenemang.
events-title = Evenemang
events-none = Inga kommande evenemang än.
events-new = Nytt
events-not-found = Evenemanget hittades inte
events-not-found-text = Det har kanske inte kommit till den här enheten än.
events-back = Tillbaka till evenemangen
events-when = När
events-where = Var
events-places = Platser
events-languages = Språk
events-accessibility = Tillgänglighet
events-step-free = Tillgängligt utan trappsteg
events-induction-loop = Hörslinga
events-sign-language = Teckenspråkstolkning
events-quiet-room = Tyst rum
events-signup = Anmälan
events-needs-approval = Organisatören godkänner varje anmälan.
events-places-unlimited = Inget tak för antalet platser
events-places-full =
    { $capacity ->
        [one] { $capacity } plats, tagen · { $waiting } på väntelistan
       *[other] { $capacity } platser, alla tagna · { $waiting } på väntelistan
    }
events-places-left =
    { $capacity ->
        [one] { $capacity } plats, { $left } kvar
       *[other] { $capacity } platser, { $left } kvar
    }
events-places-count =
    { $capacity ->
        [one] { $capacity } plats
       *[other] { $capacity } platser
    }
events-cancel = Ställ in evenemanget
events-cancel-confirm = Ställa in evenemanget? Alla som har anmält sig ser att det är inställt.
events-cancel-yes = Ja, ställ in evenemanget
events-cancelling = Ställer in…
events-keep = Behåll evenemanget
signup-button = Anmäl dig
signup-button-label = Anmäl dig: { $title }
signup-cancel = Avanmäl dig
signup-cancel-label = Avanmäl dig: { $title }
signup-saving = Sparar…
signup-event-cancelled = Det här evenemanget är inställt.
signup-waiting-for-hub = Anmäld på den här enheten. Anmälan når servern när du är online. Platserna går i den ordning som servern får anmälningarna.
signup-moved-up = Du har flyttats upp från väntelistan: du har en plats. Visa din biljett vid dörren.
signup-confirmed = Bekräftad: du har en plats. Visa din biljett vid dörren.
signup-waitlisted = Du står som nummer { $position } på väntelistan. Du flyttas upp om någon avanmäler sig.
signup-awaiting-approval = Din anmälan väntar på att organisatören godkänner den.
signup-declined = Organisatören kunde inte ta emot din anmälan till det här evenemanget.
signup-cancelled = Du har avanmält dig.
signup-event-changed = { $status } Evenemanget har ändrats sedan du anmälde dig: kolla uppgifterna.
ticket-title = Din biljett
ticket-qr-label = QR-kod för biljetten till { $title }
ticket-code-intro = Eller säg den här koden till organisatören:
