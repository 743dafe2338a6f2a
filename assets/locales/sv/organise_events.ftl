# Organisatörernas evenemangssidor: listan över evenemang, ett evenemang med dörren,
# besökare utan anmälan, deltagarlistan och exporten, och formuläret för ett evenemang.

## Listan över evenemang
organise-only-organisers = Den här sidan är för projektets organisatörer.
organise-title = Organisera
organise-link-ideas = Idéer: svar, moderering, teman och export
organise-link-diary = Dagbok: frågor, trygghetsmeddelande, personer utan telefon
organise-link-entries = Delade dagboksanteckningar ({ $count })
organise-events-heading =
    { $count ->
        [0] Inga evenemang än
       *[other] Evenemang ({ $count })
    }
organise-cancelled = Inställt
organise-counts =
    { $confirmed ->
        [one] { $confirmed } bekräftad · { $waiting } på väntelistan
       *[other] { $confirmed } bekräftade · { $waiting } på väntelistan
    }
organise-counts-of-capacity =
    { $confirmed ->
        [one] { $confirmed } / { $capacity } bekräftad · { $waiting } på väntelistan
       *[other] { $confirmed } / { $capacity } bekräftade · { $waiting } på väntelistan
    }
organise-new-event = Nytt evenemang

## Ett evenemang (orden under siffrorna får siffran, för böjningens skull)
organise-event-missing = Det här evenemanget finns inte på den här enheten. Det kan komma med nästa synkronisering.
organise-back = Tillbaka till evenemangen
organise-at-a-glance = I korthet
organise-count-confirmed =
    { $count ->
        [one] bekräftad
       *[other] bekräftade
    }
organise-count-waitlisted =
    { $count ->
       *[other] på väntelistan
    }
organise-count-awaiting =
    { $count ->
       *[other] väntar på godkännande
    }
organise-count-checked-in =
    { $count ->
        [one] incheckad
       *[other] incheckade
    }
organise-count-walk-ins =
    { $count ->
       *[other] utan anmälan
    }
organise-door = Vid dörren
organise-walk-in = Utan anmälan
organise-roster = Deltagarlista
organise-export = Export
organise-edit = Redigera evenemanget
organise-cancel-event = Ställ in evenemanget

## Vid dörren
door-code = Biljettkod
door-code-hint = Koden på { $length } tecken under biljettens QR-kod, eller hela den skannade texten.
door-code-missing = Skriv biljettkoden först.
door-checking-in = Checkar in…
door-check-in = Checka in
door-stop-camera = Stäng kameran
door-scan = Skanna med kameran
door-camera-label = Kamerabild: håll biljettens QR-kod framför kameran
door-checked-in = { $name } är incheckad.
door-no-detector = Den här webbläsaren kan inte läsa QR-koder. Skriv koden i stället.
door-no-camera = Kameran gick inte att öppna. Skriv koden i stället.
door-camera-stopped = Kameran stannade. Skriv koden i stället.
door-not-in-browser = Skanningen fungerar i webbläsaren. Skriv koden i stället.
door-walk-in-name = Namn
door-walk-in-missing = Skriv personens namn först.
door-walk-in-adding = Lägger till…
door-walk-in-add = Lägg till besökare
door-walk-in-added = { $name } är tillagd och incheckad.

## Deltagarlistan
roster-empty = Ingen har anmält sig än.
roster-confirmed = Bekräftad
roster-waitlist = Väntelista { $position }
roster-awaiting = Väntar på godkännande
roster-declined = Avböjd
roster-cancelled = Avanmäld
roster-walk-in = Utan anmälan
roster-checked-in-at = Incheckad { $time }
roster-approved-note = Godkänd; platsen bekräftas när servern har fått beslutet.
roster-declined-note = Avböjd; servern meddelar personen.
roster-approve = Godkänn
roster-approve-label = Godkänn { $name }
roster-approving = Godkänner…
roster-decline = Avböj
roster-decline-label = Avböj { $name }
roster-declining = Avböjer…
roster-preparing = Filen förbereds…
roster-download = Ladda ner deltagarlistan (CSV)

## Skriva eller redigera ett evenemang
event-form-title = Rubrik
event-form-description = Beskrivning
event-form-starts = Börjar
event-form-ends = Slutar
event-form-place = Plats
event-form-capacity = Antal platser (lämna tomt för obegränsat)
event-form-needs-approval = Anmälningar kräver godkännande
event-form-languages = Språk (skilj med kommatecken, t.ex. fi, sv)
event-form-accessibility = Tillgänglighet
event-form-step-free = Tillgängligt utan trappsteg
event-form-induction-loop = Hörslinga
event-form-sign-language = Teckenspråkstolkning
event-form-quiet-room = Tyst rum
event-form-bad-start = Starttiden är inte ett giltigt datum och klockslag.
event-form-bad-end = Sluttiden är inte ett giltigt datum och klockslag.
event-form-bad-capacity = Antalet platser är ett heltal. Lämna fältet tomt för obegränsat.
event-form-no-title = Evenemanget behöver en rubrik.
event-form-title-too-long = Rubriken är { $count } tecken lång; högst { $max } får plats.
event-form-ends-before-start = Evenemanget slutar innan det börjar.
event-form-no-seats = Ett evenemang med begränsat antal platser behöver minst en plats.
event-form-changes-saved = Ändringarna är sparade på den här enheten.
event-form-saved = Evenemanget är sparat på den här enheten.
event-form-saving = Sparar…
event-form-save-changes = Spara ändringarna
event-form-create = Skapa evenemang
event-form-title-in = Rubrik ({ $language })
event-form-description-in = Beskrivning ({ $language })
