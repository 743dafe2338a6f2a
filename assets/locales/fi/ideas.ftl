# Asukkaiden ideat: lista, uusi idea, yksi idea vaiheineen ja kommentteineen, viestit.
ideas-title = Ideat
ideas-new = Uusi idea
ideas-find = Etsi ideoita
ideas-search = Hae
ideas-theme = Aihe
ideas-all-themes = Kaikki aiheet
ideas-status = Tilanne
ideas-any-status = Mikä tahansa tilanne
ideas-order = Järjestys
ideas-newest-first = Uusimmat ensin
ideas-most-supported-first = Eniten tuetut ensin
ideas-none = Yhtään ideaa ei löytynyt. Kirjoita ensimmäinen!
ideas-your-idea = sinun ideasi
ideas-hidden-default = useampi on ilmoittanut siitä, ja järjestäjät katsovat sen
idea-anonymous = Nimetön
idea-hidden = Piilotettu muilta: { $reason }
idea-supporters =
    { $count ->
        [0] Ei vielä tukijoita
        [one] 1 tukija
       *[other] { $count } tukijaa
    }
idea-status-received = vastaanotettu
idea-status-under-consideration = harkinnassa
idea-status-accepted = hyväksytty
idea-status-declined = ei toteuteta
idea-status-in-progress = työn alla
idea-status-done = valmis
# Tuki- ja ilmoituspainikkeet.
idea-support = Tue
idea-supported = Tuettu ✓
idea-support-label = Tue: { $title }
idea-report = Ilmoita
idea-report-idea = Ilmoita järjestäjille: { $title }
idea-report-comment = Ilmoita kommentista järjestäjille
idea-reported = Ilmoitit tästä.
idea-report-why = Miksi järjestäjien pitäisi katsoa tätä?
idea-report-send = Lähetä ilmoitus
idea-report-never-mind = Ei sittenkään
# Idean kirjoittaminen tai muokkaaminen.
idea-new-title = Uusi idea
idea-new-intro = Mikä tekisi asuinalueesta paremman? Järjestäjät vastaavat jokaiseen ideaan, ja voit seurata, mitä sille tapahtuu.
idea-form-title = Otsikko
idea-form-description = Kerro ideastasi
idea-form-choose-theme = Valitse aihe
idea-form-anonymous = Julkaise ilman nimeäni
idea-saving = Tallennetaan…
idea-submit = Lähetä idea
idea-save-changes = Tallenna muutokset
idea-error-no-title = Anna idealle otsikko.
idea-error-title-too-long = Otsikko on liian pitkä. Siinä voi olla enintään { $max } merkkiä.
idea-error-description-too-long = Kuvaus on liian pitkä. Siinä voi olla enintään { $max } merkkiä.
# Yksi idea.
idea-saved-title = Ideasi on tallennettu
idea-saved-text = Se on tällä laitteella. Se julkaistaan, kun se on ehtinyt palvelimelle.
idea-not-found-title = Ideaa ei löytynyt
idea-not-found-text = Se ei ehkä ole vielä ehtinyt tälle laitteelle.
idea-back = Takaisin ideoihin
idea-an-event = tapahtuma
idea-another-idea = toinen idea
idea-hidden-default = useampi on ilmoittanut siitä. Järjestäjät katsovat sen.
idea-status-line = Tilanne: { $status }
idea-discussed-at = Käsitellään tapahtumassa:
idea-merged-into = Yhdistetty ideaan:
idea-withdraw = Peru ideani
idea-edit = Muokkaa ideaani
idea-path-title = Mitä on tapahtunut
idea-path-received = Vastaanotettu { $date }
idea-milestones = Välitavoitteet
idea-comments-heading = Kommentit ({ $count })
idea-comment-hidden = piilotettu
idea-comment-label = Kommenttisi
idea-comment-anonymous = Kommentoi ilman nimeäni
idea-comment-send = Lähetä kommentti
# Järjestäjät: idean liittäminen tapahtumaan tai yhdistäminen toiseen ideaan.
idea-link-event = Liitetty tapahtuma
idea-link-merged = Yhdistetty ideaan
idea-link-none = Ei mitään
idea-links-save = Tallenna linkit
idea-links-saved = Linkit tallennettu tälle laitteelle.
# Viestit: mitä ideoillesi ja tukemillesi ideoille on tapahtunut.
inbox-title = Viestit
inbox-empty = Ei vielä mitään uutta. Kun kirjoittamasi tai tukemasi idea etenee, näet sen täällä.
inbox-now = Nyt: { $status }.
inbox-now-note = Nyt: { $status }. ”{ $note }”
inbox-milestone = Uusi välitavoite: { $title }
inbox-hidden-by-organisers = Järjestäjät piilottivat idean: { $reason }
inbox-hidden-reported = Piilotettu toistaiseksi: useampi on ilmoittanut siitä. Järjestäjät katsovat sen.
inbox-restored = Näkyy taas kaikille.
idea-error-no-comment = Kirjoita ensin kommentti.
idea-error-comment-too-long = Kommentti on liian pitkä. Siinä voi olla enintään { $max } merkkiä.
