# Inställningar: vem den här enheten är, andra enheter, återställningskoden, synkronisering.
settings-title = Inställningar
settings-name = Namn
settings-project = Projekt
settings-role = Roll
settings-organiser = Organisatör
settings-resident = Invånare
settings-hub = Server
settings-link-title = Koppla en annan enhet
settings-link-text = Använd ditt konto på en andra telefon eller dator. Hämta en kod här och skriv den på den andra enheten under ”Har du en kod från en annan enhet eller en organisatör?”. Koden fungerar en gång, i 10 minuter. Privata anteckningar stannar på enheten där de skrevs; delade anteckningar, anmälningar och idéer följer med.
settings-link-button = Koppla en annan enhet
settings-recovery-title = Återställningskod
settings-recovery-text = Ingen annan enhet? Skriv ner den här koden och förvara den säkert. Om du glömmer din PIN-kod, ta bort profilen på låsskärmen och lägg till den igen med den här koden: delade anteckningar, anmälningar och idéer kommer tillbaka, privata anteckningar gör det inte. Den som har koden kan öppna ditt konto, så håll den för dig själv.
settings-recovery-button = Hämta en återställningskod
settings-sync-title = Synkronisering
settings-sync-text = Dina anteckningar sparas först på den här enheten. De går till projektets server när det finns ett nätverk.
settings-sync-now = Synkronisera nu
code-getting = Hämtar en kod…
code-yours = Din kod:
code-valid-once-until = Gäller en gång, till { $time }.
code-valid-until = Gäller till kl. { $time }.
devices-title = Dina enheter
devices-text = Dessa enheter kan öppna ditt konto och synkronisera det. Om du ser en enhet du inte känner igen, ta bort den.
devices-network = Listan kräver en nätverksanslutning.
devices-loading = Hämtar dina enheter…
devices-show = Visa mina enheter
devices-load-failed = Dina enheter kunde inte hämtas. Det kräver en nätverksanslutning. { $reason }
devices-remove-failed = { $name } kunde inte tas bort. Det kräver en nätverksanslutning. { $reason }
devices-removed = { $name } togs bort. Den synkroniserar inte längre.
devices-count =
    { $count ->
        [one] 1 enhet kan öppna ditt konto.
       *[other] { $count } enheter kan öppna ditt konto.
    }
devices-this = (den här enheten)
devices-added = Tillagd { $time }
devices-remove-confirm = Ta bort { $name }? Den slutar synkronisera genast.
devices-removing = Tar bort…
devices-remove-yes = Ja, ta bort
devices-remove = Ta bort
devices-remove-label = Ta bort { $name }
settings-data-title = Dina uppgifter
settings-data-text = Ladda ner allt ditt som finns på den här enheten som en fil (JSON): din dagbok och det du delat, dina privata anteckningar på enheten, dina anmälningar, idéer, stöd och kommentarer. Förvara filen säkert: de privata anteckningarna finns i den.
settings-data-button = Ladda ner mina uppgifter
settings-data-preparing = Filen förbereds…

## En organisatör tar bort en invånares borttappade enhet.
resident-devices-title = En invånares enheter
resident-devices-text = Om någon har tappat bort en telefon eller surfplatta, ta bort den här: den slutar synkronisera direkt, och den som har den kan inte längre öppna kontot med den. Anteckningarna finns kvar.
resident-devices-find = Hämta invånarna
resident-devices-finding = Hämtar invånarna…
resident-devices-find-failed = Invånarna kunde inte hämtas. Det kräver en nätverksanslutning. { $reason }
resident-devices-choose = Invånare
resident-devices-show = Visa enheterna
resident-devices-loading = Hämtar enheterna…
resident-devices-load-failed = Enheterna kunde inte hämtas. Det kräver en nätverksanslutning. { $reason }
resident-devices-count =
    { $count ->
        [0] Ingen enhet kan öppna kontot.
        [one] 1 enhet kan öppna kontot.
       *[other] { $count } enheter kan öppna kontot.
    }

## Radera kontot (efter "Dina uppgifter").
delete-account-title = Radera mitt konto
delete-account-text = Ditt konto raderas i tjänsten: dagboksanteckningar du delat, dina anmälningar och biljetter, ditt namn och dina enheter. Sedan glömmer den här enheten profilen, med dess privata anteckningar. Det går inte att ångra, så ladda ner dina uppgifter först om du vill behålla dem. Det här kräver nätverksanslutning.
delete-account-ideas = Dina idéer och kommentarer
delete-account-remove = Ta bort dem
delete-account-remove-hint = De försvinner ur projektet, med sitt stöd.
delete-account-anonymise = Behåll dem utan mitt namn
delete-account-anonymise-hint = Andra kan fortfarande läsa och stödja dem; ingen kan se att de var dina.
delete-account-button = Radera mitt konto…
delete-account-confirm = Radera ditt konto för gott? Det går inte att ångra.
delete-account-yes = Ja, radera mitt konto
delete-account-deleting = Raderar…
