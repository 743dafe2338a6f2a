# Jokaisen näkymän kehys: yläpalkki, valikko ja tilarivi.
skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-account = Tili
nav-diary = Päiväkirja
nav-events = Tapahtumat
nav-ideas = Ideat
nav-organise = Järjestä
nav-inbox = Viestit
nav-inbox-unread = Viestit ({ $count } uutta)
nav-settings = Asetukset
lock-button = { $name } · Lukitse
lock-button-label = Lukitse (vaihda profiilia)
loading = Avataan päiväkirjaa…
storage-failed-title = Kumppani ei voi tallentaa tälle laitteelle
clock-skew = Laitteen kello on noin { $amount } väärässä. Merkintöjen ajat tulevat tästä kellosta, joten ne voivat näyttää väärältä.
skew-minutes = { $count } minuuttia
skew-hours = { $count } tuntia
sync-saved = Tallennettu tälle laitteelle
sync-waiting =
    { $count ->
        [one] 1 muutos odottaa synkronointia
       *[other] { $count } muutosta odottaa synkronointia
    }
sync-syncing = Synkronoidaan…
sync-synced-at = Synkronoitu klo { $time }
sync-offline = Ei verkkoa · tallennettu tälle laitteelle
sync-offline-waiting = Ei verkkoa · { $waiting }
sync-cannot-reach = Palvelimeen ei saada yhteyttä: { $reason }
sync-cannot-reach-waiting = Palvelimeen ei saada yhteyttä: { $reason } · { $waiting }
language-label = Kieli
cancel = Peruuta
keep-it = Säilytä
inbox-announce =
    { $count ->
        [one] 1 uusi viesti
       *[other] { $count } uutta viestiä
    }
