# Invånarnas idéer: listan, en ny idé, en idé med dess väg och kommentarer, meddelandena.
ideas-title = Idéer
ideas-new = Ny idé
ideas-find = Hitta idéer
ideas-search = Sök
ideas-theme = Tema
ideas-all-themes = Alla teman
ideas-status = Läge
ideas-any-status = Alla lägen
ideas-order = Ordning
ideas-newest-first = Nyaste först
ideas-most-supported-first = Mest stöd först
ideas-none = Inga idéer passar. Skriv den första!
ideas-your-idea = din idé
ideas-hidden-default = flera har anmält den, organisatörerna ska titta på den
idea-anonymous = Anonym
idea-hidden = Dold för andra: { $reason }
idea-supporters =
    { $count ->
        [0] Ingen stöder idén än
        [one] 1 person stöder idén
       *[other] { $count } personer stöder idén
    }
idea-status-received = mottagen
idea-status-under-consideration = under behandling
idea-status-accepted = godkänd
idea-status-declined = genomförs inte
idea-status-in-progress = på gång
idea-status-done = klar
# Knapparna för att stödja och anmäla.
idea-support = Stöd
idea-supported = Du stöder ✓
idea-support-label = Stöd: { $title }
idea-report = Anmäl
idea-report-idea = Anmäl till organisatörerna: { $title }
idea-report-comment = Anmäl kommentaren till organisatörerna
idea-reported = Du har anmält det här.
idea-report-why = Varför ska organisatörerna titta på det här?
idea-report-send = Skicka anmälan
idea-report-never-mind = Strunt samma
# Att skriva eller redigera en idé.
idea-new-title = Ny idé
idea-new-intro = Vad skulle göra området bättre? Organisatörerna svarar på varje idé, och du kan följa vad som händer med den.
idea-form-title = Rubrik
idea-form-description = Beskriv din idé
idea-form-choose-theme = Välj ett tema
idea-form-anonymous = Publicera utan mitt namn
idea-saving = Sparar…
idea-submit = Skicka idén
idea-save-changes = Spara ändringarna
idea-error-no-title = Ge idén en rubrik.
idea-error-title-too-long = Rubriken är för lång. Den får ha högst { $max } tecken.
idea-error-description-too-long = Beskrivningen är för lång. Den får ha högst { $max } tecken.
# En idé.
idea-saved-title = Din idé är sparad
idea-saved-text = Den finns på den här enheten. Den publiceras när den har nått servern.
idea-not-found-title = Idén hittades inte
idea-not-found-text = Den har kanske inte nått den här enheten än.
idea-back = Tillbaka till idéerna
idea-an-event = ett evenemang
idea-another-idea = en annan idé
idea-hidden-default = flera har anmält den. Organisatörerna ska titta på den.
idea-status-line = Läge: { $status }
idea-discussed-at = Tas upp på:
idea-merged-into = Sammanslagen med:
idea-withdraw = Dra tillbaka min idé
idea-edit = Redigera min idé
idea-path-title = Vad har hänt
idea-path-received = Mottagen { $date }
idea-milestones = Delmål
idea-comments-heading = Kommentarer ({ $count })
idea-comment-hidden = dold
idea-comment-label = Din kommentar
idea-comment-anonymous = Kommentera utan mitt namn
idea-comment-send = Skicka kommentaren
# Organisatörer: koppla en idé till ett evenemang eller slå ihop den med en annan.
idea-link-event = Kopplat evenemang
idea-link-merged = Sammanslagen med
idea-link-none = Ingen
idea-links-save = Spara kopplingarna
idea-links-saved = Kopplingarna är sparade på den här enheten.
# Meddelanden: vad som har hänt med dina idéer och idéerna du stöder.
inbox-title = Meddelanden
inbox-empty = Inget nytt än. När en idé som du skrev eller stöder går vidare, ser du det här.
inbox-now = Nu: { $status }.
inbox-now-note = Nu: { $status }. ”{ $note }”
inbox-milestone = Nytt delmål: { $title }
inbox-hidden-by-organisers = Organisatörerna har dolt idén: { $reason }
inbox-hidden-reported = Dold tills vidare: flera har anmält den. Organisatörerna ska titta på den.
inbox-restored = Syns igen.
idea-error-no-comment = Skriv en kommentar först.
idea-error-comment-too-long = Kommentaren är för lång. Den får ha högst { $max } tecken.
