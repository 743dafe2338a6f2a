# Meningar som synkroniseringen och serverklienten ger vyerna som de är: statusraden,
# felen i formulär och orsaken efter "Når inte servern:".

## Varför anslutningen till servern bröts (efter "Når inte servern:")
msg-conn-text-frames = servern skickade text i stället för synkdata
msg-conn-closed = anslutningen stängdes
msg-conn-failed = anslutningen misslyckades
msg-conn-refused = servern tog inte emot anslutningen
msg-conn-timeout = servern svarade inte i tid
msg-conn-broke-sending = anslutningen bröts medan data skickades
msg-conn-signed-out = den här enheten är inte inloggad längre
msg-conn-garbled = ett meddelande förvrängdes på vägen
msg-conn-too-large = en ändring var för stor att skicka
msg-conn-version = servern har en nyare version; uppdatera appen
msg-conn-hub-busy = servern kunde inte spara just nu
msg-conn-limited = servern bad den här enheten att sakta ner; den försöker igen om en stund
msg-conn-hub-fault = servern hade ett fel

## Statusraden
msg-data-unreadable = Det gick inte att läsa data på den här enheten: { $error }
msg-diary-unknown = Servern känner inte längre till den här dagboken. Gå med i projektet igen.
msg-device-removed = Servern godtar inte längre den här enheten (den har tagits bort, eller projektet har avslutats). Dina anteckningar finns kvar här. Koppla den här enheten igen från en annan enhet för att fortsätta synkronisera.
msg-change-failed = Ändringen kunde inte göras: { $error }
msg-storage-full = Den här enheten har inget lagringsutrymme kvar, så den senaste ändringen sparades inte. Frigör utrymme och försök igen. Inget som sparats tidigare har försvunnit.
msg-storage-unavailable = Den här webbläsaren låter inte Kumppani spara data (privat läge eller blockerad lagring?). Öppna Kumppani i ett vanligt fönster.
msg-storage-failed = Det gick inte att spara på den här enheten ({ $error }). Försök igen. Inget som sparats tidigare har försvunnit.
msg-storage-sealed = Profilens data kunde inte öppnas: de kan vara skadade. Lås appen och öppna profilen igen med PIN-koden.
msg-storage-in-use = Kumppani är redan öppen i ett annat fönster. Stäng det och öppna Kumppani igen.

## Formulär
msg-join-first = Gå med i ett projekt först.
msg-open-profile-first = Öppna din profil först.
msg-idle-lock-range = Välj 1–{ $max } minuter.
msg-too-many-themes = Det får finnas högst { $max } teman. Nu finns det { $count }.
msg-theme-name-too-long = Ett temas namn får ha högst { $max } tecken. Korta av namnet och spara igen.
msg-idea-withdraw-author-only = Bara den som skrev en idé kan dra tillbaka den.
msg-idea-change-author-only = Bara den som skrev en idé kan ändra den.
msg-report-reason = Berätta kort vad som är fel, så att organisatörerna kan bedöma det.
msg-milestone-empty = Skriv delmålet.
msg-merge-self = En idé kan inte slås ihop med sig själv.
msg-report-threshold-range = Välj ett tal från 1 till 50.
msg-hide-reason = Skriv skälet som skribenten får se.
msg-person-name = Skriv personens namn.
msg-roster-missing = Deltagarlistan finns inte på den här enheten än.
msg-already-checked-in = { $name } är redan incheckad (kl. { $time }).
msg-entry-gone = Anteckningen finns inte längre i din dagbok.
msg-entry-not-shared = Anteckningen är inte delad.

## Profiler och PIN-koder
msg-storage-not-open = Lagringen på den här enheten är inte öppen.
msg-profiles-damaged = Listan över profiler på den här enheten är skadad: { $error }
msg-profile-gone = Profilen finns inte längre på den här enheten.
msg-profile-damaged = Profilens data är skadade: { $error }
msg-profile-no-data = Profilen har inga data på den här enheten. Ta bort den och lägg till den igen med en kod.
msg-weak-pin = En PIN-kod har 4–12 siffror (bara siffror).
msg-wrong-pin = PIN-koden är fel. Försök igen.
msg-wrong-pin-wait = PIN-koden är fel. Vänta { $wait } innan du försöker igen.
msg-wait-seconds =
    { $count ->
        [one] { $count } sekund
       *[other] { $count } sekunder
    }
msg-wait-minutes =
    { $count ->
        [one] { $count } minut
       *[other] { $count } minuter
    }

## Serverns gränssnitt (gå med, koppla enheter, enheter)
msg-hub-unreachable = Når inte servern. Kontrollera anslutningen och adressen och försök sedan igen.
msg-request-unprepared = Begäran kunde inte förberedas: { $error }
msg-hub-error-status = Servern svarade med ett fel ({ $status }). Försök igen om en stund.
msg-hub-answer-unreadable = Servern skickade ett svar som appen inte förstår: { $error }
msg-api-unknown-code = Koden stämmer inte. Kontrollera den och försök igen.
msg-api-too-many-attempts = För många felaktiga koder eller misslyckade inloggningar från det här nätverket. Vänta några minuter och försök igen.
msg-api-not-deleted = Ditt konto kunde inte raderas just nu; ingenting raderades. Försök igen senare.
msg-api-linking-paused = Någon har provat många felaktiga koder för att koppla enheter, så att koppla enheter är pausat för alla. Vänta några minuter och försök igen.
msg-api-code-used = Koden har redan använts. Skapa en ny kod på din andra enhet.
msg-api-code-expired = Koden är för gammal. Skapa en ny kod på din andra enhet.
msg-api-bad-request = Appen skickade något som servern inte förstod. Uppdatera appen och försök igen.
msg-api-not-signed-in = Den här enheten är inte inloggad längre. Gå med igen eller koppla den från en annan enhet.
msg-api-organisers-only = Bara projektets organisatörer kan göra det här.
msg-api-unknown-device = Den enheten är inte din.
msg-api-not-found = Här finns ingenting.
msg-api-unavailable = Servern har problem just nu. Försök igen om en stund.
msg-api-invalid-name-empty = Skriv ett namn.
msg-api-invalid-name-too-long = Namnet är för långt. Använd högst 80 tecken.
msg-door-not-a-ticket = Det här är ingen Kumppani-biljett eller kod. Kontrollera koden och försök igen.
msg-door-forged = Biljetten är inte äkta: dess signatur hör inte till det här projektet.
msg-door-other-event = Den här biljetten gäller ett annat evenemang.
msg-door-no-seat = Ingen bekräftad anmälan har den här koden för evenemanget.
msg-door-not-confirmed = { $name } är inte bekräftad för evenemanget (anmälans status: { $status }).
msg-door-no-key = Enheten har ännu inte fått projektets biljettnyckel. Synkronisera en gång och försök sedan igen.
msg-mood-range = Välj hur dagen kändes: 1–5.
msg-not-a-language-code = ”{ $code }” är ingen språkkod. Använd en kort kod som fi, sv eller en.
msg-no-language = Ett projekt behöver minst ett språk. Välj det första språket.
msg-doc-not-here = Den här delen av projektet finns inte på enheten än. Anslut till internet, vänta tills det står Synkroniserat och försök igen.
