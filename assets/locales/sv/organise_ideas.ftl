# organise_ideas (sv): see src/i18n.rs. Keys start with the area's prefix.
# Organisatörernas idésida: antal, idéer som väntar på svar, moderering, export.
organise-ideas-title = Idéer
organise-ideas-only-organisers = Den här sidan är för projektets organisatörer.
organise-ideas-glance = Översikt
organise-ideas-total =
    { $count ->
        [one] 1 publicerad idé.
       *[other] { $count } publicerade idéer.
    }
organise-ideas-no-theme = Inget tema
chart-ideas-per-theme = Idéer per tema
chart-ideas-per-status = Idéer per status
chart-theme = Tema
chart-status = Status
chart-ideas = Idéer
organise-ideas-attention =
    { $count ->
        [0] Inga idéer väntar
       *[other] Behöver åtgärdas ({ $count })
    }
organise-ideas-supports =
    { $count ->
        [one] 1 stödjer
       *[other] { $count } stödjer
    }
organise-ideas-export = Export
organise-ideas-download-csv = Ladda ner idéerna (CSV)
organise-ideas-download-json = Ladda ner idéerna (JSON)
organise-ideas-csv-downloading = CSV-filen laddas ner.
organise-ideas-json-downloading = JSON-filen laddas ner.
organise-ideas-json-failed = Idéerna kunde inte skrivas till filen: { $reason }
organise-ideas-reports = Anmälningar
organise-ideas-threshold = Antal anmälningar från olika medlemmar som döljer en idé eller kommentar tills du har granskat den
organise-ideas-threshold-not-number = Skriv ett heltal, till exempel 3.
organise-ideas-threshold-save = Spara
organise-ideas-threshold-saved = Sparat på den här enheten.
# Modereringskön samt att dölja och återställa.
moderation-queue-heading =
    { $count ->
        [0] Inget är dolt
       *[other] Dolda ({ $count })
    }
# Följs av idéns rubrik.
moderation-comment-on = Kommentar till
# Följs av idéns rubrik.
moderation-idea = Idé
moderation-reason = Orsak: { $reason }
moderation-reason-reports = Dold efter anmälningar från invånare.
moderation-reason-comment = Dold efter anmälningar eller av en organisatör.
moderation-reason-label = Orsak som skribenten får se
moderation-reason-empty = Skriv först den orsak som skribenten får se.
moderation-hide = Dölj
moderation-hiding = Döljer…
moderation-restore = Återställ
moderation-restoring = Återställer…
moderation-hidden-done = Dold på den här enheten; ändringen skickas till servern vid nästa synkronisering.
moderation-restored-done = Återställd på den här enheten; ändringen skickas till servern vid nästa synkronisering.
# Att svara på en idé: ny status, meddelande och delmål.
answer-new-status = Ny status
answer-note = Meddelande till den som skrev idén och till dem som stöder den
answer-send = Skicka svaret
answer-sending = Skickar…
answer-saved = Svaret har sparats på den här enheten.
answer-milestone = Delmål
answer-milestone-add = Lägg till delmål
answer-milestone-adding = Lägger till…
answer-milestone-saved = Delmålet har sparats på den här enheten.
answer-milestone-empty = Skriv delmålet först.
# Temalistorna (idéernas teman och organisatörernas analysteman).
themes-ideas-title = Teman
themes-ideas-hint = Invånarna väljer ett av dessa för sin idé, i den här ordningen.
themes-analysis-title = Analysteman
themes-analysis-hint = Bara organisatörer ser dessa. Du kan märka delade dagboksanteckningar med dem på sidan Delade dagboksanteckningar.
themes-label = Teman, ett per rad
themes-save = Spara teman
themes-saved = Teman har sparats på den här enheten.
themes-names-hint = Namn på projektets andra språk. Invånaren ser namnet på sitt språk, eller det ovan om det saknas.
themes-name-in = Namn ({ $language })
# Sparknappen i organisatörernas inställningsformulär medan den väntar.
save-saving = Sparar…
