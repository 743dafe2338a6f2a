# Järjestäjien tapahtumasivut: tapahtumien lista, yksi tapahtuma ovineen, ilman
# ilmoittautumista tulevineen, osallistujalistoineen ja vienteineen, sekä tapahtuman lomake.

## Tapahtumien lista
organise-only-organisers = Tämä sivu on hankkeen järjestäjille.
organise-title = Järjestä
organise-link-ideas = Ideat: vastaukset, moderointi, teemat ja vienti
organise-link-diary = Päiväkirja: kysymykset, turvallisuusilmoitus, ihmiset ilman puhelinta
organise-link-entries = Jaetut päiväkirjamerkinnät ({ $count })
organise-events-heading =
    { $count ->
        [0] Ei vielä tapahtumia
       *[other] Tapahtumat ({ $count })
    }
organise-cancelled = Peruttu
organise-counts =
    { $confirmed ->
        [one] { $confirmed } vahvistettu · { $waiting } jonossa
       *[other] { $confirmed } vahvistettua · { $waiting } jonossa
    }
organise-counts-of-capacity =
    { $confirmed ->
        [one] { $confirmed } / { $capacity } vahvistettu · { $waiting } jonossa
       *[other] { $confirmed } / { $capacity } vahvistettua · { $waiting } jonossa
    }
organise-new-event = Uusi tapahtuma

## Yksi tapahtuma (numeroiden alla olevat sanat saavat numeron taivutusta varten)
organise-event-missing = Tätä tapahtumaa ei ole tällä laitteella. Se voi tulla seuraavassa synkronoinnissa.
organise-back = Takaisin tapahtumiin
organise-at-a-glance = Tilanne
organise-count-confirmed =
    { $count ->
        [one] vahvistettu
       *[other] vahvistettua
    }
organise-count-waitlisted =
    { $count ->
       *[other] jonossa
    }
organise-count-awaiting =
    { $count ->
       *[other] odottaa hyväksyntää
    }
organise-count-checked-in =
    { $count ->
       *[other] paikalla
    }
organise-count-walk-ins =
    { $count ->
       *[other] ilman ilmoittautumista
    }
organise-door = Ovella
organise-walk-in = Ilman ilmoittautumista
organise-roster = Osallistujalista
organise-export = Vienti
organise-edit = Muokkaa tapahtumaa
organise-cancel-event = Peru tapahtuma

## Ovella
door-code = Lipun koodi
door-code-hint = { $length } merkin koodi lipun QR-koodin alla tai koko skannattu teksti.
door-code-missing = Kirjoita ensin lipun koodi.
door-checking-in = Merkitään saapuneeksi…
door-check-in = Merkitse saapuneeksi
door-stop-camera = Sulje kamera
door-scan = Skannaa kameralla
door-camera-label = Kameran kuva: pidä lipun QR-koodia kameran edessä
door-checked-in = { $name } on merkitty saapuneeksi.
door-no-detector = Tämä selain ei osaa lukea QR-koodeja. Kirjoita koodi käsin.
door-no-camera = Kameraa ei saatu auki. Kirjoita koodi käsin.
door-camera-stopped = Kamera pysähtyi. Kirjoita koodi käsin.
door-not-in-browser = Skannaus toimii selaimessa. Kirjoita koodi käsin.
door-walk-in-name = Nimi
door-walk-in-missing = Kirjoita ensin henkilön nimi.
door-walk-in-adding = Lisätään…
door-walk-in-add = Lisää osallistuja
door-walk-in-added = { $name } on lisätty ja merkitty saapuneeksi.

## Osallistujalista
roster-empty = Kukaan ei ole vielä ilmoittautunut.
roster-confirmed = Vahvistettu
roster-waitlist = Jonosija { $position }
roster-awaiting = Odottaa hyväksyntää
roster-declined = Hylätty
roster-cancelled = Peruttu
roster-walk-in = Ilman ilmoittautumista
roster-checked-in-at = Saapui klo { $time }
roster-approved-note = Hyväksytty; paikka vahvistuu, kun tieto on palvelimella.
roster-declined-note = Hylätty; palvelin kertoo asiasta henkilölle.
roster-approve = Hyväksy
roster-approve-label = Hyväksy { $name }
roster-approving = Hyväksytään…
roster-decline = Hylkää
roster-decline-label = Hylkää { $name }
roster-declining = Hylätään…
roster-preparing = Tiedostoa valmistellaan…
roster-download = Lataa osallistujalista (CSV)

## Tapahtuman kirjoittaminen tai muokkaaminen
event-form-title = Otsikko
event-form-description = Kuvaus
event-form-starts = Alkaa
event-form-ends = Päättyy
event-form-place = Paikka
event-form-capacity = Paikkojen määrä (jätä tyhjäksi, jos määrää ei rajata)
event-form-needs-approval = Ilmoittautumiset vaativat hyväksynnän
event-form-languages = Kielet (erota pilkuilla, esim. fi, sv)
event-form-accessibility = Saavutettavuus
event-form-step-free = Esteetön kulku
event-form-induction-loop = Induktiosilmukka
event-form-sign-language = Viittomakielen tulkkaus
event-form-quiet-room = Hiljainen huone
event-form-bad-start = Alkamisaika ei ole kelvollinen päivä ja kellonaika.
event-form-bad-end = Päättymisaika ei ole kelvollinen päivä ja kellonaika.
event-form-bad-capacity = Paikkojen määrä on kokonaisluku. Jätä kenttä tyhjäksi, jos määrää ei rajata.
event-form-no-title = Tapahtuma tarvitsee otsikon.
event-form-title-too-long = Otsikossa on { $count } merkkiä; enintään { $max } mahtuu.
event-form-ends-before-start = Tapahtuma päättyy ennen kuin se alkaa.
event-form-no-seats = Jos paikkojen määrä on rajattu, paikkoja on oltava vähintään yksi.
event-form-changes-saved = Muutokset tallennettu tälle laitteelle.
event-form-saved = Tapahtuma tallennettu tälle laitteelle.
event-form-saving = Tallennetaan…
event-form-save-changes = Tallenna muutokset
event-form-create = Luo tapahtuma
event-form-title-in = Otsikko ({ $language })
event-form-description-in = Kuvaus ({ $language })
