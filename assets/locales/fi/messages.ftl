# Lauseet, jotka synkronointi ja palvelinyhteys antavat näkymille sellaisinaan: tilarivi,
# lomakkeiden virheet ja syy tekstin "Palvelimeen ei saada yhteyttä:" perässä.

## Miksi yhteys palvelimeen katkesi (tekstin "Palvelimeen ei saada yhteyttä:" perässä)
msg-conn-text-frames = palvelin lähetti tekstiä eikä synkronointitietoja
msg-conn-closed = yhteys katkesi
msg-conn-failed = yhteyttä ei saatu
msg-conn-refused = palvelin ei ottanut yhteyttä vastaan
msg-conn-timeout = palvelin ei vastannut ajoissa
msg-conn-broke-sending = yhteys katkesi lähetyksen aikana
msg-conn-signed-out = tämä laite ei ole enää kirjautunut
msg-conn-garbled = viesti vääristyi matkalla
msg-conn-too-large = muutos oli liian suuri lähetettäväksi
msg-conn-version = palvelimella on uudempi versio; päivitä sovellus
msg-conn-hub-busy = palvelin ei voinut tallentaa juuri nyt
msg-conn-limited = palvelin pyysi tätä laitetta hidastamaan; se yrittää hetken päästä uudelleen
msg-conn-hub-fault = palvelimella oli vika

## Tilarivi
msg-data-unreadable = Tämän laitteen tietoja ei voitu lukea: { $error }
msg-diary-unknown = Palvelin ei enää tunne tätä päiväkirjaa. Liity hankkeeseen uudelleen.
msg-device-removed = Palvelin ei enää hyväksy tätä laitetta (laite on poistettu tai hanke on päättynyt). Merkintäsi ovat tallessa tällä laitteella. Jos haluat jatkaa synkronointia, yhdistä tämä laite uudelleen toiselta laitteeltasi.
msg-change-failed = Muutosta ei voitu tehdä: { $error }
msg-storage-full = Tämän laitteen tallennustila on täynnä, joten viimeisintä muutosta ei tallennettu. Vapauta tilaa ja yritä uudelleen. Aiemmin tallennettu ei katoa.
msg-storage-unavailable = Tämä selain ei anna Kumppanin tallentaa tietoja (onko yksityinen selaus päällä tai tallennus estetty?). Avaa Kumppani tavallisessa ikkunassa.
msg-storage-failed = Tallentaminen tälle laitteelle epäonnistui ({ $error }). Yritä uudelleen. Aiemmin tallennettu ei katoa.
msg-storage-sealed = Profiilin tietoja ei voitu avata: ne voivat olla vahingoittuneet. Lukitse sovellus ja avaa profiili uudelleen PIN-koodilla.
msg-storage-in-use = Kumppani on jo auki toisessa ikkunassa. Sulje se ja avaa Kumppani uudelleen.

## Lomakkeet
msg-join-first = Liity ensin hankkeeseen.
msg-open-profile-first = Avaa ensin profiilisi.
msg-idle-lock-range = Valitse 1–{ $max } minuuttia.
msg-too-many-themes = Teemoja voi olla enintään { $max }. Nyt niitä on { $count }.
msg-theme-name-too-long = Teeman nimessä voi olla enintään { $max } merkkiä. Lyhennä nimeä ja tallenna uudelleen.
msg-idea-withdraw-author-only = Vain idean kirjoittaja voi perua sen.
msg-idea-change-author-only = Vain idean kirjoittaja voi muuttaa sitä.
msg-report-reason = Kerro lyhyesti, mikä on vialla, jotta järjestäjät voivat arvioida asian.
msg-milestone-empty = Kirjoita välitavoite.
msg-merge-self = Ideaa ei voi yhdistää itseensä.
msg-report-threshold-range = Valitse luku väliltä 1–50.
msg-hide-reason = Kirjoita syy, jonka kirjoittaja näkee.
msg-person-name = Kirjoita henkilön nimi.
msg-roster-missing = Osallistujalista ei ole vielä tällä laitteella.
msg-already-checked-in = { $name } on jo kirjattu sisään (klo { $time }).
msg-entry-gone = Merkintä ei ole enää päiväkirjassasi.
msg-entry-not-shared = Merkintää ei ole jaettu.

## Profiilit ja PIN-koodit
msg-storage-not-open = Tämän laitteen tallennustila ei ole auki.
msg-profiles-damaged = Tämän laitteen profiililista on vahingoittunut: { $error }
msg-profile-gone = Profiili ei ole enää tällä laitteella.
msg-profile-damaged = Profiilin tiedot ovat vahingoittuneet: { $error }
msg-profile-no-data = Profiililla ei ole tietoja tällä laitteella. Poista profiili ja lisää se uudelleen koodilla.
msg-weak-pin = PIN-koodissa on 4–12 numeroa (vain numeroita).
msg-wrong-pin = PIN-koodi ei ole oikein. Yritä uudelleen.
msg-wrong-pin-wait = PIN-koodi ei ole oikein. Odota { $wait } ennen seuraavaa yritystä.
msg-wait-seconds =
    { $count ->
        [one] { $count } sekunti
       *[other] { $count } sekuntia
    }
msg-wait-minutes =
    { $count ->
        [one] { $count } minuutti
       *[other] { $count } minuuttia
    }

## Palvelimen rajapinta (liittyminen, laitteiden yhdistäminen, laitteet)
msg-hub-unreachable = Palvelimeen ei saada yhteyttä. Tarkista verkkoyhteys ja osoite ja yritä sitten uudelleen.
msg-request-unprepared = Pyyntöä ei voitu valmistella: { $error }
msg-hub-error-status = Palvelin vastasi virheellä ({ $status }). Yritä hetken päästä uudelleen.
msg-hub-answer-unreadable = Palvelin lähetti vastauksen, jota sovellus ei ymmärrä: { $error }
msg-api-unknown-code = Koodi ei ole oikein. Tarkista koodi ja yritä uudelleen.
msg-api-too-many-attempts = Tästä verkosta on tullut liian monta väärää koodia tai epäonnistunutta kirjautumista. Odota muutama minuutti ja yritä uudelleen.
msg-api-not-deleted = Tiliäsi ei voitu poistaa juuri nyt; mitään ei poistettu. Yritä myöhemmin uudelleen.
msg-api-linking-paused = Tähän palveluun on kokeiltu monta väärää laitteen yhdistämiskoodia, joten laitteiden yhdistäminen on hetken tauolla kaikilta. Odota muutama minuutti ja yritä uudelleen.
msg-api-code-used = Koodi on jo käytetty. Tee uusi koodi toisella laitteellasi.
msg-api-code-expired = Koodi on liian vanha. Tee uusi koodi toisella laitteellasi.
msg-api-bad-request = Sovellus lähetti jotain, mitä palvelin ei ymmärtänyt. Päivitä sovellus ja yritä uudelleen.
msg-api-not-signed-in = Tämä laite ei ole enää kirjautunut. Liity uudelleen tai yhdistä laite toiselta laitteeltasi.
msg-api-organisers-only = Vain hankkeen järjestäjät voivat tehdä tämän.
msg-api-unknown-device = Tämä laite ei ole sinun.
msg-api-not-found = Täällä ei ole mitään.
msg-api-unavailable = Palvelimella on juuri nyt ongelmia. Yritä hetken päästä uudelleen.
msg-api-invalid-name-empty = Kirjoita nimi.
msg-api-invalid-name-too-long = Nimi on liian pitkä. Käytä enintään 80 merkkiä.
msg-door-not-a-ticket = Tämä ei ole Kumppanin lippu eikä koodi. Tarkista koodi ja yritä uudelleen.
msg-door-forged = Lippu ei ole aito: sen allekirjoitus ei kuulu tälle hankkeelle.
msg-door-other-event = Tämä lippu on toiseen tapahtumaan.
msg-door-no-seat = Tällä koodilla ei ole vahvistettua ilmoittautumista tähän tapahtumaan.
msg-door-not-confirmed = Henkilön { $name } paikkaa tähän tapahtumaan ei ole vahvistettu (ilmoittautumisen tila: { $status }).
msg-door-no-key = Tälle laitteelle ei ole vielä tullut hankkeen lippuavainta. Synkronoi kerran ja yritä sitten uudelleen.
msg-mood-range = Valitse, miltä päivä tuntui: 1–5.
msg-not-a-language-code = ”{ $code }” ei ole kielikoodi. Käytä lyhyttä koodia, kuten fi, sv tai en.
msg-no-language = Hankkeella on oltava vähintään yksi kieli. Valitse ensimmäinen kieli.
msg-doc-not-here = Tämä osa hanketta ei ole vielä tällä laitteella. Yhdistä internetiin, odota kunnes näkyy Synkronoitu, ja yritä uudelleen.
