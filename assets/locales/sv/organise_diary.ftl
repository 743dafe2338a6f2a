# organise_diary (sv): see src/i18n.rs. Keys start with the area's prefix.
# Organisatörer: dagbokens inställningar (frågor, trygghetsmeddelande, lås, koder för att komma i gång).
organise-diary-title = Dagbok
organise-diary-organisers-only = Den här sidan är för projektets organisatörer.
organise-diary-shared-link = Delade dagboksanteckningar ({ $count })
organise-diary-prompts-heading =
    { $count ->
        [0] Inga frågor än
       *[other] Frågor ({ $count })
    }
organise-diary-prompts-hint = Dagboksskrivarna ser de öppna frågorna när de skriver. Det är frivilligt för dem att svara på en fråga.
organise-diary-new-prompt = Ny fråga
organise-diary-prompt-open = Öppen
organise-diary-prompt-scheduled = Schemalagd
organise-diary-prompt-closed = Stängd
organise-diary-prompt-open-closes = Öppen sedan { $opens } · stänger { $closes }
organise-diary-prompt-open-no-close = Öppen sedan { $opens } · inget slutdatum
organise-diary-prompt-scheduled-closes = Öppnar { $opens } · stänger { $closes }
organise-diary-prompt-scheduled-no-close = Öppnar { $opens } · inget slutdatum
organise-diary-prompt-was-open = Var öppen { $opens } – { $closes }
organise-diary-prompt-closed-opened = Stängd · öppnade { $opens }
organise-diary-prompt-remove-confirm = Ta bort frågan? Anteckningar som svarade på den finns kvar och visas som svar på en borttagen fråga.
organise-diary-prompt-removing = Tar bort…
organise-diary-prompt-remove-yes = Ja, ta bort
organise-diary-prompt-edit = Redigera
organise-diary-prompt-closing = Stänger…
organise-diary-prompt-close-now = Stäng nu
organise-diary-prompt-remove = Ta bort
prompt-form-text = Fråga
prompt-form-text-hint = En fråga eller en uppmaning som dagboksskrivarna ser medan den är öppen. Högst { $max } tecken.
prompt-form-opens = Öppnar den
prompt-form-closes = Stänger den (valfritt)
prompt-form-closes-hint = Från och med den här dagen ser dagboksskrivarna inte längre frågan. Lämna fältet tomt om frågan ska förbli öppen.
prompt-form-saving = Sparar…
prompt-form-save-changes = Spara ändringarna
prompt-form-add = Lägg till frågan
prompt-form-added = Frågan har lagts till. Den är sparad på den här enheten.
prompt-form-no-opening = Välj dagen då frågan öppnar.
prompt-form-bad-closing = Stängningsdagen är inget datum. Lämna fältet tomt om frågan ska förbli öppen.
prompt-form-empty = Skriv frågan.
prompt-form-too-long = Frågan är för lång: högst { $max } tecken.
prompt-form-closes-before-opening = Frågan måste stänga efter att den har öppnat.
organise-diary-notice-title = Trygghetsmeddelande
organise-diary-notice-label = Det här läser dagboksskrivarna innan de delar
organise-diary-notice-hint = Berätta vem som läser delade anteckningar, vad du inte gör (till exempel: du svarar inte på varje anteckning och du bevakar dem inte dygnet runt) och var man kan få hjälp nu: ett telefonnummer eller ett ställe. Dagboksskrivarna ser meddelandet igen när du ändrar det. Lämna fältet tomt för att ta bort det.
organise-diary-notice-too-long = Meddelandet är för långt: högst { $max } tecken.
organise-diary-notice-save = Spara meddelandet
organise-diary-notice-saved = Meddelandet är sparat på den här enheten.
organise-diary-idle-lock-title = Lås när appen inte används
organise-diary-idle-lock-label = Minuter utan användning innan appen låses
organise-diary-idle-lock-hint = På en delad surfplatta hindrar det här nästa person från att läsa någon annans dagbok. När ingen har rört skärmen på så här många minuter låses appen på alla projektets enheter och ber om PIN-koden igen. Från 1 till { $max } minuter.
organise-diary-idle-lock-bad = Skriv ett helt antal minuter från 1 till { $max }.
organise-diary-idle-lock-save = Spara
organise-diary-idle-lock-saved = Sparat på den här enheten.
setup-title = Lägg till en person utan telefon
setup-intro = För någon som för dagbok på projektets delade surfplatta. Du skapar en kod; personen skriver in den på surfplattan och väljer en egen PIN-kod. Du får aldrig veta personens PIN-kod.
setup-name = Personens namn
setup-no-name = Skriv personens namn.
setup-making = Skapar en kod…
setup-make = Skapa en kod
setup-code-for = Koden för { $name }:
setup-code-how = Välj ”{ $add }” på den delade surfplattan och skriv in koden under ”{ $have_code }”; personen väljer sedan sin egen PIN-kod där. Koden fungerar en gång, till { $until }.

# Organisatörer: delade dagboksanteckningar (filter, diagram, export, kodning).
shared-entries-title = Delade dagboksanteckningar
shared-entries-filter-title = Visa
shared-entries-filter-prompt = Fråga
shared-entries-any-prompt = Alla frågor
shared-entries-no-prompt = Ingen fråga
shared-entries-filter-tag = Tagg
shared-entries-any-tag = Alla taggar
shared-entries-filter-mood = Humör
shared-entries-any-mood = Alla humör
shared-entries-mood-option = { $word } ({ $n })
shared-entries-from = Från datum
shared-entries-to = Till datum
shared-entries-show-all = Visa alla
shared-entries-showing =
    { $total ->
        [one] Visar { $shown } av { $total } anteckning
       *[other] Visar { $shown } av { $total } anteckningar
    }
shared-entries-charts-title = Översikt
shared-entries-charts-hint = Diagrammen räknar de anteckningar som visas.
shared-entries-by-prompt-caption = Anteckningar per fråga
shared-entries-by-prompt-heading = Fråga
shared-entries-entries-heading = Anteckningar
shared-entries-removed-prompt = En borttagen fråga
shared-entries-no-moods = Inga anteckningar att visa humör för.
shared-entries-mood-caption = Genomsnittligt humör per vecka (1 mycket dåligt – 5 mycket bra)
shared-entries-week-heading = Vecka
shared-entries-average-heading = Genomsnittligt humör
shared-entries-week = Vecka { $week }, { $year }
shared-entries-week-from = (från { $date })
shared-entries-average = { $whole },{ $tenths }
shared-entries-export-title = Export
shared-entries-export-hint =
    { $count ->
        [one] Filerna innehåller anteckningen som visas, med dess koder.
       *[other] Filerna innehåller de { $count } anteckningar som visas, med deras koder.
    }
shared-entries-leave-out-names = Utelämna namn
shared-entries-download-csv = Ladda ner anteckningarna (CSV)
shared-entries-download-json = Ladda ner anteckningarna (JSON)
shared-entries-json-downloading = JSON-filen laddas ner.
shared-entries-csv-downloading = CSV-filen laddas ner.
shared-entries-json-failed = Anteckningarna kunde inte skrivas till filen: { $reason }
shared-entries-none-yet = Inga delade anteckningar än
shared-entries-none-match = Inga anteckningar matchar
shared-entries-list-heading = Anteckningar ({ $count })
shared-entries-no-themes-before = Om du vill koda anteckningar, lägg till analysteman på
shared-entries-no-themes-link = sidan för dagboksinställningar
shared-entries-no-themes-after = .
shared-entries-codes = Koder
shared-entries-code-theme = Kod ”{ $theme }”
shared-entries-mood = Humör: { $word } ({ $n })
shared-entries-answers = Svar på: { $prompt }
shared-entries-answers-removed = Svar på en borttagen fråga
shared-entries-tags = Taggar
shared-entries-shared-by = Delad av { $name }
shared-entries-shared-by-name = Delad med namn
shared-entries-shared-anonymously = Delad anonymt
prompt-form-text-in = Fråga ({ $language })
organise-diary-languages-title = Projektets språk
organise-diary-languages-hint = Evenemang och frågor får ett fält för varje språk. Invånare ser sitt eget språk, eller det första språket när en text saknas.
organise-diary-languages-first = Första språket
organise-diary-languages-others = Andra språk
organise-diary-languages-save = Spara språk
organise-diary-languages-saved = Sparat på den här enheten.
