import type { Template } from '../i18n';
import type { ResourceKey } from './en-US';

/**
 * Front Desk's German ("Büroempfang"). Every key of the English resources, no more: the compiler
 * checks both, and a test checks every language at run time. The office register is formal ("Sie").
 * Times are said "um 17:10 Uhr": the time itself comes from Intl in the request's locale.
 */
export const deDE = {
  'list.and': 'und',

  'launch.welcome': 'Willkommen beim Büroempfang.',
  'launch.welcomeBack': ['Willkommen zurück, {name}.', 'Hallo {name}, schön, dass Sie wieder da sind.'],
  'launch.capabilities':
    'Sie können mich nach der Telefonnummer, E-Mail-Adresse, dem Büro, der Firma oder der Position einer Person fragen, oder Leute an- und abmelden.',
  'launch.question': 'Was möchten Sie tun?',
  'launch.reprompt': 'Wen suchen Sie? Sagen Sie zum Beispiel: Wie ist die Telefonnummer von Jane Doe?',

  'help.speech':
    'Der Büroempfang kennt die Menschen, mit denen Ihr Büro zusammenarbeitet. Fragen Sie nach Telefonnummer, E-Mail-Adresse, Büro, Firma oder Position, zum Beispiel: Wie ist die E-Mail-Adresse von Jane Doe? Für Listen sagen Sie: Wer arbeitet bei Acme, oder: Wer ist in Texas. Für die Anwesenheitstafel sagen Sie: Melde Jane Doe an, melde mich ab, oder: Wer ist da.',
  'help.question': 'Was möchten Sie tun?',

  goodbye: ['Auf Wiedersehen!', 'Bis bald.', 'Bis später.'],

  'fallback.speech': 'Dabei kann Ihnen der Büroempfang leider nicht helfen.',
  'fallback.question':
    'Sie können nach der Telefonnummer, E-Mail-Adresse, dem Büro, der Firma oder der Position einer Person fragen. Wen suchen Sie?',

  'anythingElse.question': [
    'Was möchten Sie noch wissen?',
    'Sonst noch etwas?',
    'Wen kann ich noch für Sie nachschlagen?',
  ],
  'anythingElse.reprompt': 'Sie können nach jemand anderem fragen oder Stopp sagen. Was möchten Sie wissen?',

  'askName.question': 'Über wen möchten Sie etwas wissen?',
  'askName.questionWithDetail': 'Von wem brauchen Sie {detail}?',
  'askName.reprompt': 'Sagen Sie den Namen der Person, zum Beispiel Jane Doe.',

  'notFound.speech': 'Ich konnte leider niemanden namens {name} finden.',
  'notFound.question': 'Wen kann ich sonst für Sie suchen?',
  'notFound.reprompt': 'Versuchen Sie es mit dem vollständigen Namen. Wen suchen Sie?',

  'choose.question': 'Ich habe {count} Personen namens {name} gefunden: {options}. Welche meinen Sie?',
  'choose.questionMore':
    'Ich habe {count} Personen namens {name} gefunden, darunter {options}. Welche meinen Sie?',
  'choose.questionMany':
    'Ich habe mehr als {count} Personen namens {name} gefunden, darunter {options}. Welche meinen Sie?',
  'choose.option': '{fullName} bei {company}',
  'choose.optionNoCompany': '{fullName}',
  'choose.reprompt': 'Welche Person meinen Sie? Sagen Sie zum Beispiel: die erste, oder einen Firmennamen.',
  'choose.notUnderstood': 'Entschuldigung, ich habe nicht verstanden, welche Person Sie meinen.',
  'choose.nothingPending': 'Ich warte gerade auf keine Auswahl.',

  'detail.email': 'Die E-Mail-Adresse von {name} ist {value}.',
  'detail.phone': 'Die Telefonnummer von {name} ist {value}.',
  'detail.office': 'Das Büro von {name} ist in {value}.',
  'detail.company': '{name} arbeitet bei {value}.',
  'detail.title': 'Die Position von {name} ist {value}.',
  'detail.missing.email': 'Ich habe keine E-Mail-Adresse von {name}.',
  'detail.missing.phone': 'Ich habe keine Telefonnummer von {name}.',
  'detail.missing.office': 'Ich weiß nicht, wo das Büro von {name} ist.',
  'detail.missing.company': 'Ich weiß nicht, bei welcher Firma {name} arbeitet.',
  'detail.missing.title': 'Ich kenne die Position von {name} nicht.',
  // With their article, in the accusative: "Von wem brauchen Sie die Telefonnummer?"
  'detail.name.email': 'die E-Mail-Adresse',
  'detail.name.phone': 'die Telefonnummer',
  'detail.name.office': 'den Standort',
  'detail.name.company': 'die Firma',
  'detail.name.title': 'die Position',

  'summary.intro': '{name}',
  'summary.titleAtCompany': '{title} bei {company}',
  'summary.inPlace': 'in {place}',
  'summary.phone': 'Telefon: {phone}.',
  'summary.email': 'E-Mail: {email}.',
  'summary.nothingMore': 'Mehr weiß ich über {name} nicht.',

  'place.cityState': '{city}, {state}',

  'card.company': 'Firma: {value}',
  'card.title': 'Position: {value}',
  'card.email': 'E-Mail: {value}',
  'card.phone': 'Telefon: {value}',
  'card.office': 'Büro: {value}',

  'browse.count.company': {
    one: 'Bei {label} gibt es eine Person:',
    other: 'Bei {label} gibt es {count} Personen:',
  },
  'browse.count.place': {
    one: 'In {label} gibt es eine Person:',
    other: 'In {label} gibt es {count} Personen:',
  },
  'browse.count.initial': {
    one: 'Es gibt eine Person, deren Name mit {label} beginnt:',
    other: 'Es gibt {count} Personen, deren Name mit {label} beginnt:',
  },
  'browse.uncounted.company': 'Das sind die Personen bei {label}:',
  'browse.uncounted.place': 'Das sind die Personen in {label}:',
  'browse.uncounted.initial': 'Das sind die Personen, deren Name mit {label} beginnt:',
  'browse.nextPage': { one: 'Noch eine:', other: 'Die nächsten {count}:' },
  'browse.lastPage': { one: 'Und die letzte:', other: 'Und die letzten {count}:' },
  'browse.emptyLastPage': 'Das sind alle.',
  'browse.entry.title': '{name}, {title}',
  'browse.entry.company': '{name} bei {company}',
  'browse.entry.city': '{name} in {city}',
  'browse.entry.plain': '{name}',
  'browse.more.question': ['Möchten Sie mehr hören?', 'Soll ich weiterlesen?'],
  'browse.more.reprompt':
    'Möchten Sie mehr hören? Sagen Sie ja für die nächsten Namen, oder nein zum Aufhören.',
  'browse.nobody.company': 'Bei {name} kenne ich leider niemanden.',
  'browse.nobody.place': 'In {name} kenne ich leider niemanden.',
  'browse.nobody.initial': 'Ich kenne leider niemanden, dessen Name mit {name} beginnt.',
  'browse.nobody.question':
    'Sie können fragen, wer bei einer Firma arbeitet, wer in einer Stadt oder einem Bundesstaat sitzt, oder nach einem Namen.',
  'browse.missing.company': 'Welche Firma? Sagen Sie zum Beispiel: Wer arbeitet bei Acme?',
  'browse.missing.place': 'Welche Stadt oder welcher Bundesstaat? Sagen Sie zum Beispiel: Wer ist in Texas?',
  'browse.missing.initial': 'Welcher Buchstabe? Sagen Sie zum Beispiel: Wessen Name beginnt mit J?',
  'browse.nothingToContinue': 'Gerade gibt es keine Liste, die ich fortsetzen kann.',
  'browse.card.title.company': 'Personen bei {label}',
  'browse.card.title.place': 'Personen in {label}',
  'browse.card.title.initial': 'Namen mit {label}',
  'browse.card.line': '{number}. {name}: {details}',
  'browse.card.lineBare': '{number}. {name}',
  'browse.card.more': {
    one: 'Noch 1 weitere: Sagen Sie „weiter“, um sie zu hören.',
    other: 'Noch {count} weitere: Sagen Sie „weiter“, um sie zu hören.',
  },
  'browse.card.moreUncounted': 'Es gibt noch mehr: Sagen Sie „weiter“, um sie zu hören.',

  'suggest.question': 'Ich konnte niemanden namens {heard} finden. Meinten Sie {name}?',
  'suggest.reprompt': 'Meinten Sie {name}? Bitte sagen Sie ja oder nein.',
  'suggest.declined': 'Entschuldigung.',
  'time.today': 'um {time} Uhr',
  'time.yesterday': 'gestern um {time} Uhr',
  'time.weekday': 'am {weekday} um {time} Uhr',
  'time.date': 'am {date} um {time} Uhr',

  'presence.checkedIn': '{name} ist jetzt angemeldet.',
  'presence.checkedOut': '{name} ist jetzt abgemeldet!',
  'presence.alreadyIn': '{name} hat sich schon {when} angemeldet.',
  'presence.alreadyOut': '{name} hat sich schon {when} abgemeldet.',
  'presence.neverIn': '{name} hat sich noch nicht angemeldet, also gibt es nichts abzumelden.',
  'presence.conflict':
    'Jemand anderes hat {name} im selben Moment geändert, deshalb habe ich nichts geändert.',
  'presence.failedIn':
    'Entschuldigung, ich konnte die Anwesenheitstafel nicht ändern, {name} ist also nicht angemeldet. Bitte versuchen Sie es noch einmal.',
  'presence.failedOut':
    'Entschuldigung, ich konnte die Anwesenheitstafel nicht ändern, {name} ist also nicht abgemeldet. Bitte versuchen Sie es noch einmal.',
  'presence.unknownIn':
    'Entschuldigung, die Anwesenheitstafel antwortet nicht mehr, deshalb weiß ich nicht, ob {name} angemeldet ist. Fragen Sie mich gleich noch einmal.',
  'presence.unknownOut':
    'Entschuldigung, die Anwesenheitstafel antwortet nicht mehr, deshalb weiß ich nicht, ob {name} abgemeldet ist. Fragen Sie mich gleich noch einmal.',
  'presence.stateIn': '{name} hat sich {when} angemeldet.',
  'presence.stateOut': '{name} hat sich {when} abgemeldet.',
  'presence.isIn.yes': 'Ja, {name} hat sich {when} angemeldet.',
  'presence.isIn.no': 'Nein, {name} hat sich {when} abgemeldet.',
  'presence.isIn.never': '{name} hat sich noch nicht angemeldet.',
  'presence.amIIn.yes': 'Ja, Sie haben sich {when} angemeldet.',
  'presence.amIIn.no': 'Nein, Sie haben sich {when} abgemeldet.',
  'presence.amIIn.never': 'Sie haben sich noch nicht angemeldet.',
  'presence.askWhoIn': 'Wen soll ich anmelden?',
  'presence.askWhoOut': 'Wen soll ich abmelden?',
  'presence.cardTitle': 'Anwesenheitstafel',

  'whoIsIn.nobody': 'Gerade ist niemand angemeldet.',
  'whoIsIn.all': { one: 'Nur {names} ist da.', other: '{names} sind da.' },
  'whoIsIn.firstPage': 'Die {count} Personen, die sich zuletzt angemeldet haben, sind {names}.',
  'whoIsIn.nextPage': 'Weiter geht es mit {names}.',
  'whoIsIn.more': 'Möchten Sie mehr hören?',
  'whoIsIn.moreReprompt': 'Möchten Sie hören, wer noch da ist? Sagen Sie ja oder nein.',
  'whoIsIn.end': 'Das sind alle, die da sind.',
  'whoIsIn.personAt': '{fullName} bei {company}',
  'whoIsIn.cardTitle': 'Wer ist da',
  'whoIsIn.cardLine': '{name}, angemeldet {when}',

  'identity.confirm': 'Soll ich mir merken, dass Sie {fullName} sind?',
  'identity.confirmAt': 'Soll ich mir merken, dass Sie {fullName} von {company} sind?',
  'identity.confirmReprompt': 'Soll ich mir merken, dass Sie {fullName} sind? Sagen Sie ja oder nein.',
  'identity.remembered': 'Danke, {firstName}. Das merke ich mir.',
  'identity.notRemembered': 'In Ordnung, das merke ich mir nicht.',
  'identity.notRememberedYou': 'In Ordnung, Ihre Stimme merke ich mir nicht.',
  'identity.still.checkIn': 'Soll ich {fullName} trotzdem anmelden?',
  'identity.still.checkOut': 'Soll ich {fullName} trotzdem abmelden?',
  'identity.still.isIn': 'Möchten Sie trotzdem wissen, ob {fullName} da ist?',
  'identity.otherVoice': 'Das klang nach jemand anderem, deshalb habe ich mir niemanden gemerkt.',
  'identity.already': 'Ich kenne Sie bereits als {fullName}.',
  'identity.askWho': 'Ich weiß noch nicht, wer Sie sind. Wer sind Sie?',
  'identity.askWhoReprompt': 'Sagen Sie mir Ihren Namen, zum Beispiel: Ich bin Jane Doe.',
  'identity.gone': 'Ich finde {fullName} nicht mehr im Verzeichnis. Wer sind Sie?',
  'identity.youAre': 'Soweit ich weiß, sind Sie {fullName}.',
  'identity.forgotten': 'In Ordnung, ich habe vergessen, dass Sie {fullName} sind.',
  'identity.nothingToForget': 'Ich wusste nicht, wer Sie sind, also gibt es nichts zu vergessen.',
  'identity.saveFailed':
    'Entschuldigung, ich konnte das gerade nicht speichern, deshalb kenne ich Sie noch nicht. Bitte versuchen Sie es später noch einmal.',

  'repeat.nothing': 'Ich habe noch nichts gesagt.',
  'repeat.forTheAskerOnly': 'Das war nur für die Person, die gefragt hat.',

  'error.generic': 'Entschuldigung, bei mir ist etwas schiefgegangen.',
  'error.store': 'Entschuldigung, ich erreiche das Büroverzeichnis gerade nicht.',
  'error.tryAgain': 'Bitte versuchen Sie es noch einmal. Wen suchen Sie?',
  'error.reprompt': 'Wen suchen Sie?',
  'error.retry': 'Bitte versuchen Sie es noch einmal.',

  'speech.truncated': 'Es gibt noch mehr, aber mehr kann ich nicht auf einmal sagen.',

  // How "@" and "." are read aloud in an address: "jane punkt doe ät example punkt com".
  'email.at': 'ät',
  'email.dot': 'Punkt',

  'screen.brand': 'Büroempfang',
  'screen.label.company': 'Firma',
  'screen.label.title': 'Position',
  'screen.label.email': 'E-Mail',
  'screen.label.phone': 'Telefon',
  'screen.label.office': 'Büro',
  'screen.listHint': 'Tippen Sie auf einen Namen, um die Details zu sehen.',
  'screen.checkedIn': 'Angemeldet {when}',
  'screen.contactGone': 'Entschuldigung, diese Person finde ich nicht mehr im Verzeichnis.',

  // Rückfragen: Auswahl aus dem gerade Gesagten, zurückblättern, was nicht für den Büroempfang ist.
  'fallback.letGo': 'Lassen wir das erst einmal.',
  'choose.noneOfThem': 'Gut, dann keiner von ihnen.',
  'choose.notOnList':
    'Entschuldigung, welche Person meinen Sie? Sagen Sie zum Beispiel: die erste, oder einen Namen aus der Liste.',
  'browse.noList': 'Ich habe noch keine Liste vorgelesen.',
  'browse.atFirstPage': 'Das war schon die erste Seite.',
  'browse.howMany': {
    one: 'Auf der Liste steht eine Person.',
    other: 'Auf der Liste stehen {count} Personen.',
  },
  'browse.howManyUnknown': {
    one: 'Ich habe bisher einen Namen vorgelesen, wie viele es insgesamt sind, weiß ich nicht.',
    other: 'Ich habe bisher {count} Namen vorgelesen, wie viele es insgesamt sind, weiß ich nicht.',
  },

  // Feierabend, und „ich“ ist eine Stimme (Issue 18).
  'presence.stateOutEndOfDay': '{name} wurde {when} zum Feierabend abgemeldet.',
  'presence.alreadyOutEndOfDay': '{name} wurde schon {when} zum Feierabend abgemeldet.',
  'presence.isIn.noEndOfDay': 'Nein, {name} wurde {when} zum Feierabend abgemeldet.',
  'presence.amIIn.noEndOfDay': 'Nein, Sie wurden {when} zum Feierabend abgemeldet.',
  'identity.needsVoice':
    'Ich merke mir Personen nur an ihrer Stimme, und Ihre Stimme erkenne ich auf diesem Gerät nicht. Ein Stimmprofil richten Sie ein, indem Sie sagen: Alexa, lerne meine Stimme. Oder in der Alexa App unter Einstellungen, Ihr Profil, Sprach-ID. Bis dahin nennen Sie einfach einen Namen, zum Beispiel: Melde Jane Doe an.',
  'identity.nothingToForgetByVoice':
    'Ich merke mir Personen nur an ihrer Stimme, und Ihre erkenne ich nicht. Es gibt also nichts zu vergessen.',
  // Funktionen, Orte mit Bundesstaat, und die Anwesenheitstafel nach Zeit und Firma.
  'list.or': 'oder',
  'browse.count.role': {
    one: 'Für {label} gibt es eine Person:',
    other: 'Für {label} gibt es {count} Personen:',
  },
  'browse.count.roleAt': {
    one: 'Für {label} bei {company} gibt es eine Person:',
    other: 'Für {label} bei {company} gibt es {count} Personen:',
  },
  'browse.uncounted.role': 'Für {label} habe ich diese Personen gefunden:',
  'browse.uncounted.roleAt': 'Für {label} bei {company} habe ich diese Personen gefunden:',
  'browse.entry.titleAtCompany': '{name}, {title} bei {company}',
  'browse.nobody.role': 'Ich kenne leider niemanden, dessen Funktion zu {name} passt.',
  'browse.nobody.roleAt': 'Bei {company} kenne ich leider niemanden, dessen Funktion zu {name} passt.',
  'browse.missing.role': 'Welche Funktion meinen Sie? Sagen Sie zum Beispiel: Wer ist der CTO bei Globex?',
  'browse.card.title.role': 'Personen für {label}',
  'browse.card.title.roleAt': '{label} bei {company}',
  'browse.whichPlace.question': '{city} gibt es in mehreren Bundesstaaten. Meinen Sie {places}?',
  'browse.whichPlace.reprompt': 'Welches {city} meinen Sie? Sagen Sie zum Beispiel: das in {example}.',
  'board.missing.company': 'Welche Firma meinen Sie? Sagen Sie zum Beispiel: Wer von Globex ist da?',
  'board.inFrom.nobody': 'Von {company} ist gerade niemand angemeldet.',
  'board.inFrom.list': { one: 'Von {company} ist {names} da.', other: 'Von {company} sind {names} da.' },
  'board.inFrom.nextPage': {
    one: 'Außerdem ist von {company} {names} da.',
    other: 'Außerdem sind von {company} {names} da.',
  },
  'board.inFrom.cardTitle': 'Da von {company}',
  'board.left.nobody': 'Heute hat sich noch niemand abgemeldet.',
  'board.left.list': {
    one: 'Heute hat sich abgemeldet: {names}.',
    other: 'Heute haben sich abgemeldet: {names}.',
  },
  'board.left.nextPage': {
    one: 'Davor hat sich heute {names} abgemeldet.',
    other: 'Davor haben sich heute {names} abgemeldet.',
  },
  'board.left.entry': '{name} {when}',
  'board.left.cardTitle': 'Heute abgemeldet',
  'board.left.cardLine': '{name}, abgemeldet {when}',
  'board.howManyNow': {
    one: 'Seit ich angefangen habe, sind Leute gekommen oder gegangen: Jetzt steht eine Person auf der Liste.',
    other:
      'Seit ich angefangen habe, sind Leute gekommen oder gegangen: Jetzt stehen {count} Personen auf der Liste.',
  },
  'board.howManyNobody':
    'Seit ich angefangen habe, sind alle auf der Liste gekommen oder gegangen: Jetzt steht niemand mehr darauf.',
  // Der Besucherempfang (Issue 17).
  'visitor.askHost': 'Zu wem möchten Sie?',
  'visitor.askHostReprompt': 'Bitte nennen Sie mir den Namen der Person, die Sie besuchen.',
  'visitor.askName': 'Sie möchten zu {host}. Wie ist Ihr Name, bitte?',
  'visitor.askNameReprompt': 'Wie ist Ihr Name, bitte?',
  'visitor.nameTooLong': 'Entschuldigung, so einen langen Namen kann ich mir nicht notieren.',
  'visitor.nameNotCaught': 'Entschuldigung, Ihren Namen habe ich nicht verstanden.',
  'visitor.notLogged':
    'Entschuldigung, ich konnte Sie gerade nicht anmelden, {host} weiß also noch nicht Bescheid. Bitte versuchen Sie es gleich noch einmal.',
  'visitor.hostTold': 'Danke, {visitor}. Ich habe {host} Bescheid gegeben, dass Sie da sind.',
  'visitor.hostNotTold':
    'Danke, {visitor}. Sie sind angemeldet, aber {host} konnte ich gerade nicht erreichen.',
  'visitor.hostCannotBeTold':
    'Danke, {visitor}. Sie sind angemeldet, aber ich habe keinen Weg, {host} eine Nachricht zu schicken.',
  'visitor.reachHost': 'Sie erreichen {host} unter {phone}.',
  'visitor.reachOffice': 'Rufen Sie bitte den Empfang unter {phone} an, dort sagt man {host} Bescheid.',
  'visitor.reachNobody': 'Fragen Sie bitte am Empfang nach {host}.',
  'visitor.goodbye': 'Auf Wiedersehen, {visitor}.',
  'visitor.alreadyLeft': '{visitor}, Sie sind schon abgemeldet. Auf Wiedersehen!',
  'visitor.notSignedIn': 'Heute ist niemand namens {name} als Besuch angemeldet.',
  'visitor.notSignedInYou': 'Ich finde Ihren Besuch heute nicht, es gibt also nichts abzumelden.',
  'visitor.notSignedOut':
    'Entschuldigung, ich konnte Sie gerade nicht abmelden. Bitte versuchen Sie es gleich noch einmal.',
  'visitor.askWhoLeaving': 'Wer geht? Sagen Sie zum Beispiel: melde Sam Carter ab.',
  'visitor.askWhoLeavingReprompt': 'Nennen Sie mir den Namen des Besuchs, etwa: melde Sam Carter ab.',
  'visitor.staffOnly':
    'Entschuldigung, Auskünfte über Besuch gibt es nur für Mitarbeiter. Wenn Sie hier arbeiten, richten Sie in der Alexa-App ein Stimmprofil ein und sagen Sie mir, wer Sie sind.',
  'visitor.askWhichVisitor':
    'Welchen Besuch meinen Sie? Fragen Sie zum Beispiel: ist Sam Carter schon angekommen?',
  'visitor.name': '{name}',
  'visitor.nameAt': '{name} von {company}',
  'visitor.line.yoursHere': '{visitor}, angekommen {when}',
  'visitor.line.yoursLeft': '{visitor}, {when} wieder gegangen',
  'visitor.line.here': '{visitor} für {host}, angekommen {when}',
  'visitor.line.left': '{visitor} für {host}, {when} wieder gegangen',
  'visitor.arrived.here': 'Ja, {visitor} ist {when} angekommen und möchte zu {host}.',
  'visitor.arrived.left': '{visitor} war heute bei {host} und ist {when} wieder gegangen.',
  'visitor.arrived.no': 'Nein, {name} hat sich heute nicht angemeldet.',
  'visitor.today.none': 'Heute hat sich noch kein Besuch angemeldet.',
  'visitor.today.count': { one: 'Heute gibt es einen Besuch.', other: 'Heute gibt es {count} Besuche.' },
  'visitor.today.yours': 'Für Sie: {visits}.',
  'visitor.today.others': 'Für andere: {visits}.',
  'visitor.today.all': '{visits}.',
  'visitor.today.more': 'Alle stehen auf der Karte in der Alexa-App.',
  'visitor.cardTitle': 'Besuch heute',
} satisfies Readonly<Record<ResourceKey, Template>>;
