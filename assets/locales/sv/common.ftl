# Ramen runt varje vy: sidhuvud, meny och statusrad.
skip-to-content = Hoppa till innehållet
nav-main = Huvudmeny
nav-account = Konto
nav-diary = Dagbok
nav-events = Evenemang
nav-ideas = Idéer
nav-organise = Organisera
nav-inbox = Meddelanden
nav-inbox-unread = Meddelanden ({ $count } nya)
nav-settings = Inställningar
lock-button = { $name } · Lås
lock-button-label = Lås (byt profil)
loading = Dagboken öppnas…
storage-failed-title = Kumppani kan inte spara på den här enheten
clock-skew = Enhetens klocka går ungefär { $amount } fel. Anteckningarnas tider kommer från den här klockan, så de kan se fel ut.
skew-minutes = { $count } minuter
skew-hours = { $count } timmar
sync-saved = Sparat på den här enheten
sync-waiting =
    { $count ->
        [one] 1 ändring väntar på synkronisering
       *[other] { $count } ändringar väntar på synkronisering
    }
sync-syncing = Synkroniserar…
sync-synced-at = Synkroniserat kl. { $time }
sync-offline = Offline · sparat på den här enheten
sync-offline-waiting = Offline · { $waiting }
sync-cannot-reach = Når inte servern: { $reason }
sync-cannot-reach-waiting = Når inte servern: { $reason } · { $waiting }
language-label = Språk
cancel = Avbryt
keep-it = Behåll
inbox-announce =
    { $count ->
        [one] 1 nytt meddelande
       *[other] { $count } nya meddelanden
    }
