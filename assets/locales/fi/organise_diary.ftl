# organise_diary (fi): see src/i18n.rs. Keys start with the area's prefix.
# Järjestäjät: päiväkirjan asetukset (kysymykset, turvallisuusilmoitus, lukitus, käyttöönottokoodit).
organise-diary-title = Päiväkirja
organise-diary-organisers-only = Tämä sivu on hankkeen järjestäjille.
organise-diary-shared-link = Jaetut päiväkirjamerkinnät ({ $count })
organise-diary-prompts-heading =
    { $count ->
        [0] Ei vielä kysymyksiä
       *[other] Kysymykset ({ $count })
    }
organise-diary-prompts-hint = Päiväkirjan pitäjät näkevät avoimet kysymykset kirjoittaessaan. Kysymykseen vastaaminen on heille vapaaehtoista.
organise-diary-new-prompt = Uusi kysymys
organise-diary-prompt-open = Avoinna
organise-diary-prompt-scheduled = Ajastettu
organise-diary-prompt-closed = Suljettu
organise-diary-prompt-open-closes = Avoinna { $opens } alkaen · sulkeutuu { $closes }
organise-diary-prompt-open-no-close = Avoinna { $opens } alkaen · ei sulkeutumispäivää
organise-diary-prompt-scheduled-closes = Avautuu { $opens } · sulkeutuu { $closes }
organise-diary-prompt-scheduled-no-close = Avautuu { $opens } · ei sulkeutumispäivää
organise-diary-prompt-was-open = Oli avoinna { $opens } – { $closes }
organise-diary-prompt-closed-opened = Suljettu · avautui { $opens }
organise-diary-prompt-remove-confirm = Poistetaanko kysymys? Siihen vastanneet merkinnät säilyvät, ja niissä näkyy, että ne vastaavat poistettuun kysymykseen.
organise-diary-prompt-removing = Poistetaan…
organise-diary-prompt-remove-yes = Kyllä, poista
organise-diary-prompt-edit = Muokkaa
organise-diary-prompt-closing = Suljetaan…
organise-diary-prompt-close-now = Sulje nyt
organise-diary-prompt-remove = Poista
prompt-form-text = Kysymys
prompt-form-text-hint = Kysymys tai kehotus, jonka päiväkirjan pitäjät näkevät, kun se on avoinna. Enintään { $max } merkkiä.
prompt-form-opens = Avautumispäivä
prompt-form-closes = Sulkeutumispäivä (valinnainen)
prompt-form-closes-hint = Tästä päivästä alkaen päiväkirjan pitäjät eivät enää näe kysymystä. Jätä tyhjäksi, jos haluat pitää kysymyksen avoinna.
prompt-form-saving = Tallennetaan…
prompt-form-save-changes = Tallenna muutokset
prompt-form-add = Lisää kysymys
prompt-form-added = Kysymys lisätty. Se on tallennettu tälle laitteelle.
prompt-form-no-opening = Valitse päivä, jona kysymys avautuu.
prompt-form-bad-closing = Sulkeutumispäivä ei ole päivämäärä. Jätä se tyhjäksi, jos haluat pitää kysymyksen avoinna.
prompt-form-empty = Kirjoita kysymys.
prompt-form-too-long = Kysymys on liian pitkä: enintään { $max } merkkiä.
prompt-form-closes-before-opening = Kysymyksen täytyy sulkeutua vasta sen jälkeen, kun se on avautunut.
organise-diary-notice-title = Turvallisuusilmoitus
organise-diary-notice-label = Mitä päiväkirjan pitäjät lukevat ennen kuin jakavat merkintöjä
organise-diary-notice-hint = Kerro, kuka lukee jaetut merkinnät, mitä et tee (esimerkiksi: et vastaa jokaiseen merkintään etkä seuraa niitä ympäri vuorokauden) ja mistä saa apua heti: puhelinnumero tai paikka. Päiväkirjan pitäjät näkevät ilmoituksen uudelleen, kun muutat sitä. Jätä tyhjäksi, jos haluat poistaa ilmoituksen.
organise-diary-notice-too-long = Ilmoitus on liian pitkä: enintään { $max } merkkiä.
organise-diary-notice-save = Tallenna ilmoitus
organise-diary-notice-saved = Ilmoitus tallennettu tälle laitteelle.
organise-diary-idle-lock-title = Lukitus, kun sovellusta ei käytetä
organise-diary-idle-lock-label = Minuutit ilman käyttöä, ennen kuin sovellus lukittuu
organise-diary-idle-lock-hint = Yhteisellä tabletilla tämä estää seuraavaa käyttäjää lukemasta toisen päiväkirjaa. Kun laitetta ei ole kosketettu näin moneen minuuttiin, sovellus lukittuu hankkeen kaikilla laitteilla ja kysyy PIN-koodia uudelleen. 1–{ $max } minuuttia.
organise-diary-idle-lock-bad = Kirjoita minuuttimäärä kokonaislukuna väliltä 1–{ $max }.
organise-diary-idle-lock-save = Tallenna
organise-diary-idle-lock-saved = Tallennettu tälle laitteelle.
setup-title = Ota mukaan henkilö, jolla ei ole puhelinta
setup-intro = Henkilölle, joka pitää päiväkirjaa hankkeen yhteisellä tabletilla. Sinä teet koodin; hän kirjoittaa sen tabletille ja valitsee oman PIN-koodinsa. Et koskaan saa tietää hänen PIN-koodiaan.
setup-name = Hänen nimensä
setup-no-name = Kirjoita henkilön nimi.
setup-making = Tehdään koodia…
setup-make = Tee koodi
setup-code-for = Koodi henkilölle { $name }:
setup-code-how = Valitse yhteisellä tabletilla ”{ $add }” ja kirjoita tämä koodi kohtaan ”{ $have_code }”; henkilö valitsee sitten siellä oman PIN-koodinsa. Koodi toimii kerran, { $until } asti.

# Järjestäjät: jaetut päiväkirjamerkinnät (suodattimet, kaaviot, vienti, koodaus).
shared-entries-title = Jaetut päiväkirjamerkinnät
shared-entries-filter-title = Näytä
shared-entries-filter-prompt = Kysymys
shared-entries-any-prompt = Mikä tahansa kysymys
shared-entries-no-prompt = Ei kysymystä
shared-entries-filter-tag = Tunniste
shared-entries-any-tag = Mikä tahansa tunniste
shared-entries-filter-mood = Mieliala
shared-entries-any-mood = Mikä tahansa mieliala
shared-entries-mood-option = { $word } ({ $n })
shared-entries-from = Alkupäivä
shared-entries-to = Loppupäivä
shared-entries-show-all = Näytä kaikki
shared-entries-showing =
    { $shown ->
        [one] Näytetään { $shown } merkintä, kaikkiaan { $total }
       *[other] Näytetään { $shown } merkintää, kaikkiaan { $total }
    }
shared-entries-charts-title = Yleiskuva
shared-entries-charts-hint = Kaaviot laskevat näkyvissä olevat merkinnät.
shared-entries-by-prompt-caption = Merkinnät kysymyksittäin
shared-entries-by-prompt-heading = Kysymys
shared-entries-entries-heading = Merkintöjä
shared-entries-removed-prompt = Poistettu kysymys
shared-entries-no-moods = Ei merkintöjä, joiden mielialan voisi näyttää.
shared-entries-mood-caption = Keskimääräinen mieliala viikoittain (1 tosi huono – 5 tosi hyvä)
shared-entries-week-heading = Viikko
shared-entries-average-heading = Keskimääräinen mieliala
shared-entries-week = Viikko { $week }/{ $year }
shared-entries-week-from = ({ $date } alkaen)
shared-entries-average = { $whole },{ $tenths }
shared-entries-export-title = Vienti
shared-entries-export-hint =
    { $count ->
        [one] Tiedostoihin tulee näkyvissä oleva merkintä koodeineen.
       *[other] Tiedostoihin tulee { $count } näkyvissä olevaa merkintää koodeineen.
    }
shared-entries-leave-out-names = Jätä nimet pois
shared-entries-download-csv = Lataa merkinnät (CSV)
shared-entries-download-json = Lataa merkinnät (JSON)
shared-entries-json-downloading = JSON-tiedosto latautuu.
shared-entries-csv-downloading = CSV-tiedosto latautuu.
shared-entries-json-failed = Merkintöjä ei voitu kirjoittaa tiedostoon: { $reason }
shared-entries-none-yet = Ei vielä jaettuja merkintöjä
shared-entries-none-match = Yksikään merkintä ei vastaa valintoja
shared-entries-list-heading = Merkinnät ({ $count })
shared-entries-no-themes-before = Jos haluat koodata merkintöjä, lisää analyysiteemat
shared-entries-no-themes-link = päiväkirjan asetussivulla
shared-entries-no-themes-after = .
shared-entries-codes = Koodit
shared-entries-code-theme = Koodi ”{ $theme }”
shared-entries-mood = Mieliala: { $word } ({ $n })
shared-entries-answers = Vastaus kysymykseen: { $prompt }
shared-entries-answers-removed = Vastaus poistettuun kysymykseen
shared-entries-tags = Tunnisteet
shared-entries-shared-by = Jakaja: { $name }
shared-entries-shared-by-name = Jaettu nimellä
shared-entries-shared-anonymously = Jaettu nimettömänä
prompt-form-text-in = Kysymys ({ $language })
organise-diary-languages-title = Hankkeen kielet
organise-diary-languages-hint = Tapahtumiin ja kysymyksiin tulee kenttä jokaiselle kielelle. Asukas näkee oman kielensä tai ensimmäisen kielen, jos teksti puuttuu.
organise-diary-languages-first = Ensimmäinen kieli
organise-diary-languages-others = Muut kielet
organise-diary-languages-save = Tallenna kielet
organise-diary-languages-saved = Tallennettu tälle laitteelle.
