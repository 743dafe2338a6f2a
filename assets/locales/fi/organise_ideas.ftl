# organise_ideas (fi): see src/i18n.rs. Keys start with the area's prefix.
# Järjestäjien ideasivu: määrät, vastausta odottavat ideat, moderointi, vienti.
organise-ideas-title = Ideat
organise-ideas-only-organisers = Tämä sivu on hankkeen järjestäjille.
organise-ideas-glance = Yleiskuva
organise-ideas-total =
    { $count ->
        [one] 1 julkaistu idea.
       *[other] { $count } julkaistua ideaa.
    }
organise-ideas-no-theme = Ei teemaa
chart-ideas-per-theme = Ideat teemoittain
chart-ideas-per-status = Ideat tiloittain
chart-theme = Teema
chart-status = Tila
chart-ideas = Ideat
organise-ideas-attention =
    { $count ->
        [0] Ei odottavia ideoita
       *[other] Vaativat huomiota ({ $count })
    }
organise-ideas-supports =
    { $count ->
        [one] 1 kannatus
       *[other] { $count } kannatusta
    }
organise-ideas-export = Vienti
organise-ideas-download-csv = Lataa ideat (CSV)
organise-ideas-download-json = Lataa ideat (JSON)
organise-ideas-csv-downloading = CSV-tiedosto latautuu.
organise-ideas-json-downloading = JSON-tiedosto latautuu.
organise-ideas-json-failed = Ideoita ei voitu kirjoittaa tiedostoon: { $reason }
organise-ideas-reports = Ilmoitukset
organise-ideas-threshold = Kuinka monta ilmoitusta eri jäseniltä piilottaa idean tai kommentin, kunnes tarkistat sen
organise-ideas-threshold-not-number = Kirjoita kokonaisluku, esimerkiksi 3.
organise-ideas-threshold-save = Tallenna
organise-ideas-threshold-saved = Tallennettu tälle laitteelle.
# Moderointijono sekä piilotus ja palautus.
moderation-queue-heading =
    { $count ->
        [0] Mitään ei ole piilotettu
       *[other] Piilotetut ({ $count })
    }
# Perässä idean otsikko.
moderation-comment-on = Kommentti ideaan
# Perässä idean otsikko.
moderation-idea = Idea
moderation-reason = Syy: { $reason }
moderation-reason-reports = Piilotettu asukkaiden ilmoitusten perusteella.
moderation-reason-comment = Piilotettu ilmoitusten perusteella tai järjestäjän päätöksellä.
moderation-reason-label = Syy, jonka kirjoittaja näkee
moderation-reason-empty = Kirjoita ensin syy, jonka kirjoittaja näkee.
moderation-hide = Piilota
moderation-hiding = Piilotetaan…
moderation-restore = Palauta
moderation-restoring = Palautetaan…
moderation-hidden-done = Piilotettu tällä laitteella; muutos lähtee palvelimelle seuraavassa synkronoinnissa.
moderation-restored-done = Palautettu tällä laitteella; muutos lähtee palvelimelle seuraavassa synkronoinnissa.
# Ideaan vastaaminen: uusi tila, viesti ja välitavoitteet.
answer-new-status = Uusi tila
answer-note = Viesti idean kirjoittajalle ja kannattajille
answer-send = Lähetä vastaus
answer-sending = Lähetetään…
answer-saved = Vastaus tallennettu tälle laitteelle.
answer-milestone = Välitavoite
answer-milestone-add = Lisää välitavoite
answer-milestone-adding = Lisätään…
answer-milestone-saved = Välitavoite tallennettu tälle laitteelle.
answer-milestone-empty = Kirjoita ensin välitavoite.
# Teemalistat (ideoiden teemat ja järjestäjien analyysiteemat).
themes-ideas-title = Teemat
themes-ideas-hint = Asukkaat valitsevat idealleen yhden näistä, tässä järjestyksessä.
themes-analysis-title = Analyysiteemat
themes-analysis-hint = Vain järjestäjät näkevät nämä. Voit merkitä niillä jaettuja päiväkirjamerkintöjä Jaetut päiväkirjamerkinnät -sivulla.
themes-label = Teemat, yksi kullekin riville
themes-save = Tallenna teemat
themes-saved = Teemat tallennettu tälle laitteelle.
themes-names-hint = Nimet projektin muilla kielillä. Asukas näkee nimen omalla kielellään tai ylempänä kirjoitetun, jos käännöstä ei ole.
themes-name-in = Nimi ({ $language })
# Järjestäjien asetuslomakkeiden tallennuspainike odottaessa.
save-saving = Tallennetaan…
