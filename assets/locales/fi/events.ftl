# Tapahtumat asukkaille: lista, yksi tapahtuma, sen tiedot, ilmoittautuminen, lippu; ja
# järjestäjä perumassa tapahtumaa.
events-title = Tapahtumat
events-none = Tulevia tapahtumia ei vielä ole.
events-new = Uutta
events-not-found = Tapahtumaa ei löydy
events-not-found-text = Se ei ehkä ole vielä tullut tälle laitteelle.
events-back = Takaisin tapahtumiin
events-when = Milloin
events-where = Missä
events-places = Paikat
events-languages = Kielet
events-accessibility = Saavutettavuus
events-step-free = Esteetön kulku
events-induction-loop = Induktiosilmukka
events-sign-language = Viittomakielen tulkkaus
events-quiet-room = Hiljainen huone
events-signup = Ilmoittautuminen
events-needs-approval = Järjestäjä hyväksyy jokaisen ilmoittautumisen.
events-places-unlimited = Paikkoja ei ole rajattu
events-places-full =
    { $capacity ->
        [one] { $capacity } paikka, varattu · { $waiting } jonossa
       *[other] { $capacity } paikkaa, kaikki varattu · { $waiting } jonossa
    }
events-places-left =
    { $capacity ->
        [one] { $capacity } paikka, { $left } vapaana
       *[other] { $capacity } paikkaa, { $left } vapaana
    }
events-places-count =
    { $capacity ->
        [one] { $capacity } paikka
       *[other] { $capacity } paikkaa
    }
events-cancel = Peru tapahtuma
events-cancel-confirm = Perutaanko tapahtuma? Kaikki ilmoittautuneet näkevät, että se on peruttu.
events-cancel-yes = Kyllä, peru tapahtuma
events-cancelling = Perutaan…
events-keep = Älä peru
signup-button = Ilmoittaudu
signup-button-label = Ilmoittaudu: { $title }
signup-cancel = Peru ilmoittautuminen
signup-cancel-label = Peru ilmoittautuminen: { $title }
signup-saving = Tallennetaan…
signup-event-cancelled = Tämä tapahtuma on peruttu.
signup-waiting-for-hub = Ilmoittautuminen on tallessa tällä laitteella. Se lähtee palvelimelle, kun olet verkossa. Paikat jaetaan siinä järjestyksessä, jossa ilmoittautumiset tulevat palvelimelle.
signup-moved-up = Pääsit jonosta mukaan: sinulla on paikka. Näytä lippusi ovella.
signup-confirmed = Vahvistettu: sinulla on paikka. Näytä lippusi ovella.
signup-waitlisted = Olet jonossa numerolla { $position }. Pääset mukaan, jos joku peruu.
signup-awaiting-approval = Ilmoittautumisesi odottaa järjestäjän hyväksyntää.
signup-declined = Järjestäjä ei voinut ottaa ilmoittautumistasi tähän tapahtumaan.
signup-cancelled = Peruit ilmoittautumisesi.
signup-event-changed = { $status } Tapahtuma on muuttunut ilmoittautumisesi jälkeen: tarkista tiedot.
ticket-title = Lippusi
ticket-qr-label = Lipun QR-koodi: { $title }
ticket-code-intro = Tai kerro järjestäjälle tämä koodi:
