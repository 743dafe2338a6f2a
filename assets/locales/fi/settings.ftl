# Asetukset: kuka tämä laite on, muut laitteet, palautuskoodi, synkronointi.
settings-title = Asetukset
settings-name = Nimi
settings-project = Hanke
settings-role = Rooli
settings-organiser = Järjestäjä
settings-resident = Asukas
settings-hub = Palvelin
settings-link-title = Yhdistä toinen laite
settings-link-text = Käytä tiliäsi toisella puhelimella tai tietokoneella. Hae koodi tästä ja kirjoita se toisella laitteella kohtaan ”Onko sinulla koodi toiselta laitteelta tai järjestäjältä?”. Koodi toimii kerran, 10 minuutin ajan. Yksityiset merkinnät pysyvät laitteella, jolla ne kirjoitettiin; jaetut merkinnät, ilmoittautumiset ja ideat tulevat mukana.
settings-link-button = Yhdistä toinen laite
settings-recovery-title = Palautuskoodi
settings-recovery-text = Eikö sinulla ole toista laitetta? Kirjoita tämä koodi muistiin ja pidä se tallessa. Jos unohdat PIN-koodisi, poista profiili lukitusnäkymässä ja lisää se uudelleen tällä koodilla: jaetut merkinnät, ilmoittautumiset ja ideat palaavat, yksityiset merkinnät eivät. Kuka tahansa koodin tietävä voi avata tilisi, joten pidä se omana tietonasi.
settings-recovery-button = Hae palautuskoodi
settings-sync-title = Synkronointi
settings-sync-text = Merkintäsi tallentuvat ensin tälle laitteelle. Ne siirtyvät hankkeen palvelimelle aina, kun verkko on käytettävissä.
settings-sync-now = Synkronoi nyt
code-getting = Haetaan koodia…
code-yours = Koodisi:
code-valid-once-until = Toimii kerran, { $time } asti.
code-valid-until = Voimassa klo { $time } asti.
devices-title = Laitteesi
devices-text = Nämä laitteet voivat avata tilisi ja synkronoida sen. Jos näet laitteen, jota et tunnista, poista se.
devices-network = Luettelon näyttäminen vaatii verkkoyhteyden.
devices-loading = Haetaan laitteitasi…
devices-show = Näytä laitteeni
devices-load-failed = Laitteitasi ei saatu haettua. Tähän tarvitaan verkkoyhteys. { $reason }
devices-remove-failed = Laitetta { $name } ei saatu poistettua. Tähän tarvitaan verkkoyhteys. { $reason }
devices-removed = { $name } poistettiin. Se ei enää synkronoi.
devices-count =
    { $count ->
        [one] 1 laite voi avata tilisi.
       *[other] { $count } laitetta voi avata tilisi.
    }
devices-this = (tämä laite)
devices-added = Lisätty { $time }
devices-remove-confirm = Poistetaanko { $name }? Se lakkaa synkronoimasta heti.
devices-removing = Poistetaan…
devices-remove-yes = Kyllä, poista
devices-remove = Poista
devices-remove-label = Poista { $name }
settings-data-title = Omat tietosi
settings-data-text = Lataa kaikki tällä laitteella olevat tietosi yhtenä tiedostona (JSON): päiväkirjasi ja jakamasi merkinnät, tämän laitteen yksityiset merkinnät, ilmoittautumisesi, ideasi, kannatuksesi ja kommenttisi. Säilytä tiedosto turvassa: yksityiset merkinnät ovat siinä.
settings-data-button = Lataa omat tietoni
settings-data-preparing = Tiedostoa valmistellaan…

## Järjestäjä poistaa asukkaan kadonneen laitteen.
resident-devices-title = Asukkaan laitteet
resident-devices-text = Jos joku on kadottanut puhelimen tai tabletin, poista se tästä: se lakkaa synkronoimasta heti, eikä sen haltija voi enää avata tiliä sillä. Merkinnät säilyvät.
resident-devices-find = Hae asukkaat
resident-devices-finding = Haetaan asukkaita…
resident-devices-find-failed = Asukkaita ei saatu haettua. Tähän tarvitaan verkkoyhteys. { $reason }
resident-devices-choose = Asukas
resident-devices-show = Näytä laitteet
resident-devices-loading = Haetaan laitteita…
resident-devices-load-failed = Laitteita ei saatu haettua. Tähän tarvitaan verkkoyhteys. { $reason }
resident-devices-count =
    { $count ->
        [0] Mikään laite ei voi avata hänen tiliään.
        [one] 1 laite voi avata hänen tilinsä.
       *[other] { $count } laitetta voi avata hänen tilinsä.
    }

## Tilin poistaminen ("Omat tietosi" -kortin jälkeen).
delete-account-title = Poista tilini
delete-account-text = Tilisi poistetaan palvelusta: jakamasi päiväkirjamerkinnät, ilmoittautumisesi ja lippusi, nimesi ja laitteesi. Sen jälkeen tämä laite unohtaa tämän profiilin yksityisine merkintöineen. Poistoa ei voi perua, joten lataa tietosi ensin, jos haluat säilyttää ne. Tähän tarvitaan verkkoyhteys.
delete-account-ideas = Ideasi ja kommenttisi
delete-account-remove = Poista ne
delete-account-remove-hint = Ne katoavat hankkeesta kannatuksineen.
delete-account-anonymise = Säilytä ne ilman nimeäni
delete-account-anonymise-hint = Muut voivat yhä lukea ja kannattaa niitä; kukaan ei voi tietää, että ne olivat sinun.
delete-account-button = Poista tilini…
delete-account-confirm = Poistetaanko tilisi lopullisesti? Tätä ei voi perua.
delete-account-yes = Kyllä, poista tilini
delete-account-deleting = Poistetaan…
