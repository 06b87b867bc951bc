import type { Resources } from '../i18n';

/** Front Desk's English. Every sentence the skill says or shows lives here. */
export const enUS = {
  'list.and': 'and',

  'launch.welcome': 'Welcome to Front Desk.',
  'launch.welcomeBack': ['Welcome back, {name}.', 'Hi {name}, welcome back.'],
  'launch.capabilities':
    "You can ask me for anyone's phone number, email, office, company or title, or check people in and out.",
  'launch.question': 'What would you like to do?',
  'launch.reprompt': "Who would you like to find? For example, say: what's Jane Doe's phone number?",

  'help.speech':
    "Front Desk knows the people your office works with. Ask for someone's phone number, email, office, company or title, like: what's Jane Doe's email? To browse, say: who works at Acme, or who is in Texas. To use the in and out board, say: check in Jane Doe, check me out, or who's in.",
  'help.question': 'What would you like to do?',

  goodbye: ['Goodbye!', 'Bye for now.', 'Talk to you later.'],

  'fallback.speech': "Sorry, Front Desk can't help with that.",
  'fallback.question':
    "You can ask for someone's phone number, email, office, company or title. Who would you like to find?",

  'anythingElse.question': ['What else would you like to know?', 'Anything else?', 'Who else can I look up?'],
  'anythingElse.reprompt': 'You can ask about someone else, or say stop. What would you like to know?',

  'askName.question': 'Who would you like to know about?',
  'askName.questionWithDetail': 'Whose {detail} would you like?',
  'askName.reprompt': 'Say the name of the person, like Jane Doe.',

  'notFound.speech': "Sorry, I couldn't find anyone called {name}.",
  'notFound.question': 'Who else can I look up?',
  'notFound.reprompt': 'Try saying their full name. Who would you like to find?',

  'choose.question': 'I found {count} people called {name}: {options}. Which one?',
  'choose.questionMore': 'I found {count} people called {name}, including {options}. Which one?',
  'choose.questionMany': 'I found more than {count} people called {name}, including {options}. Which one?',
  'choose.option': '{fullName} at {company}',
  'choose.optionNoCompany': '{fullName}',
  'choose.reprompt': 'Which one? You can say the first one, or a company name.',
  'choose.notUnderstood': "Sorry, I didn't catch which one.",
  'choose.nothingPending': "I'm not choosing between people right now.",

  'detail.email': "{name}'s email is {value}.",
  'detail.phone': "{name}'s phone number is {value}.",
  'detail.office': "{name}'s office is in {value}.",
  'detail.company': '{name} is with {value}.',
  'detail.title': "{name}'s title is {value}.",
  'detail.missing.email': "I don't have an email address for {name}.",
  'detail.missing.phone': "I don't have a phone number for {name}.",
  'detail.missing.office': "I don't know where {name}'s office is.",
  'detail.missing.company': "I don't know which company {name} is with.",
  'detail.missing.title': "I don't have a title for {name}.",
  'detail.name.email': 'email',
  'detail.name.phone': 'phone number',
  'detail.name.office': 'office',
  'detail.name.company': 'company',
  'detail.name.title': 'title',

  'summary.intro': '{name}',
  'summary.titleAtCompany': '{title} at {company}',
  'summary.inPlace': 'in {place}',
  'summary.phone': 'Phone: {phone}.',
  'summary.email': 'Email: {email}.',
  'summary.nothingMore': "That's all I know about {name}.",

  'place.cityState': '{city}, {state}',

  'card.company': 'Company: {value}',
  'card.title': 'Title: {value}',
  'card.email': 'Email: {value}',
  'card.phone': 'Phone: {value}',
  'card.office': 'Office: {value}',

  'browse.count.company': {
    one: 'There is one person at {label}:',
    other: 'There are {count} people at {label}:',
  },
  'browse.count.place': {
    one: 'There is one person in {label}:',
    other: 'There are {count} people in {label}:',
  },
  'browse.count.initial': {
    one: 'There is one person whose name starts with {label}:',
    other: 'There are {count} people whose name starts with {label}:',
  },
  'browse.uncounted.company': 'Here are the people at {label}:',
  'browse.uncounted.place': 'Here are the people in {label}:',
  'browse.uncounted.initial': 'Here are the people whose name starts with {label}:',
  'browse.nextPage': { one: 'One more:', other: 'The next {count}:' },
  'browse.lastPage': { one: 'And the last one:', other: 'And the last {count}:' },
  'browse.emptyLastPage': "That's everyone.",
  'browse.entry.title': '{name}, {title}',
  'browse.entry.company': '{name} at {company}',
  'browse.entry.city': '{name} in {city}',
  'browse.entry.plain': '{name}',
  'browse.more.question': ['Do you want to hear more?', 'Would you like to hear more?'],
  'browse.more.reprompt': 'Do you want to hear more? Say yes to hear the next names, or no to stop.',
  'browse.nobody.company': "Sorry, I don't know anyone at {name}.",
  'browse.nobody.place': "Sorry, I don't know anyone in {name}.",
  'browse.nobody.initial': "Sorry, I don't know anyone whose name starts with {name}.",
  'browse.nobody.question': 'You can ask who works at a company, who is in a city or a state, or for a name.',
  'browse.missing.company': 'Which company? For example, say: who works at Acme?',
  'browse.missing.place': 'Which city or state? For example, say: who is in Texas?',
  'browse.missing.initial': 'Which letter? For example, say: whose name starts with J?',
  'browse.nothingToContinue': "There's no list to continue right now.",
  'browse.card.title.company': 'People at {label}',
  'browse.card.title.place': 'People in {label}',
  'browse.card.title.initial': 'Names starting with {label}',
  'browse.card.line': '{number}. {name}: {details}',
  'browse.card.lineBare': '{number}. {name}',
  'browse.card.more': {
    one: '1 more: say "more" to hear it.',
    other: '{count} more: say "more" to hear them.',
  },
  'browse.card.moreUncounted': 'There are more: say "more" to hear them.',

  'suggest.question': "I couldn't find anyone called {heard}. Did you mean {name}?",
  'suggest.reprompt': 'Did you mean {name}? Please say yes or no.',
  'suggest.declined': 'Sorry about that.',
  'time.today': 'at {time}',
  'time.yesterday': 'at {time} yesterday',
  'time.weekday': 'on {weekday} at {time}',
  'time.date': 'on {date} at {time}',

  'presence.checkedIn': '{name} has checked in.',
  'presence.checkedOut': '{name} has checked out!',
  'presence.alreadyIn': '{name} already checked in {when}.',
  'presence.alreadyOut': '{name} already checked out {when}.',
  'presence.neverIn': "{name} hasn't checked in, so there's nothing to check out.",
  'presence.conflict': "Someone else updated {name} at the same moment, so I didn't change anything.",
  'presence.failedIn':
    "Sorry, I couldn't update the in/out board, so {name} is not checked in. Please try again.",
  'presence.failedOut':
    "Sorry, I couldn't update the in/out board, so {name} is not checked out. Please try again.",
  'presence.unknownIn':
    "Sorry, the in/out board stopped answering, so I can't tell whether {name} is checked in. Ask me again in a moment.",
  'presence.unknownOut':
    "Sorry, the in/out board stopped answering, so I can't tell whether {name} is checked out. Ask me again in a moment.",
  'presence.stateIn': '{name} checked in {when}.',
  'presence.stateOut': '{name} checked out {when}.',
  'presence.isIn.yes': 'Yes, {name} checked in {when}.',
  'presence.isIn.no': 'No, {name} checked out {when}.',
  'presence.isIn.never': "{name} hasn't checked in yet.",
  'presence.amIIn.yes': 'Yes, you checked in {when}.',
  'presence.amIIn.no': 'No, you checked out {when}.',
  'presence.amIIn.never': "You haven't checked in yet.",
  'presence.askWhoIn': 'Who should I check in?',
  'presence.askWhoOut': 'Who should I check out?',
  'presence.cardTitle': 'In/out board',

  'whoIsIn.nobody': 'Nobody is checked in right now.',
  'whoIsIn.all': { one: 'Only {names} is in.', other: '{names} are in.' },
  'whoIsIn.firstPage': 'The {count} people who checked in most recently are {names}.',
  'whoIsIn.nextPage': 'Next: {names}.',
  'whoIsIn.more': 'Do you want to hear more?',
  'whoIsIn.moreReprompt': 'Do you want to hear more of who is in? Say yes or no.',
  'whoIsIn.end': "That's everyone who's in.",
  'whoIsIn.personAt': '{fullName} at {company}',
  'whoIsIn.cardTitle': "Who's in",
  'whoIsIn.cardLine': '{name}, checked in {when}',

  'identity.confirm': 'Should I remember you as {fullName}?',
  'identity.confirmAt': 'Should I remember you as {fullName} from {company}?',
  'identity.confirmReprompt': 'Should I remember you as {fullName}? Say yes or no.',
  'identity.remembered': "Thanks, {firstName}. I'll remember you.",
  'identity.notRemembered': "Okay, I won't remember that.",
  'identity.already': 'I already know you as {fullName}.',
  'identity.askWho': "I don't know who you are yet. Who are you?",
  'identity.askWhoReprompt': 'Tell me your name, like: I am Jane Doe.',
  'identity.gone': "I can't find {fullName} in the directory any more. Who are you?",
  'identity.youAre': 'As far as I know, you are {fullName}.',
  'identity.forgotten': "Okay, I've forgotten that you are {fullName}.",
  'identity.nothingToForget': "I didn't know who you were, so there's nothing to forget.",
  'identity.saveFailed':
    "Sorry, I couldn't save that just now, so I won't remember you yet. Please try again later.",

  'repeat.nothing': "I haven't said anything yet.",

  'error.generic': 'Sorry, something went wrong on my side.',
  'error.store': "Sorry, I can't reach the office directory right now.",
  'error.tryAgain': 'Please try again. Who would you like to find?',
  'error.reprompt': 'Who would you like to find?',
  'error.retry': 'Please try again.',

  'speech.truncated': 'There is more, but that is all I can say at once.',

  'email.at': 'at',
  'email.dot': 'dot',

  'screen.brand': 'Front Desk',
  'screen.label.company': 'Company',
  'screen.label.title': 'Title',
  'screen.label.email': 'Email',
  'screen.label.phone': 'Phone',
  'screen.label.office': 'Office',
  'screen.listHint': 'Touch a name to see their details.',
  'screen.checkedIn': 'Checked in {when}',
  'screen.contactGone': "Sorry, I can't find that person in the directory any more.",
  // Follow-ups: picking from what was just said, paging back, speech that is not for Front Desk.
  'fallback.letGo': "Let's leave that for now.",
  'choose.noneOfThem': 'Okay, none of them.',
  'choose.notOnList': "Sorry, I didn't catch which one. You can say the first one, or a name from the list.",
  'browse.noList': "I haven't read out a list yet.",
  'browse.atFirstPage': 'That was the first page.',
  'browse.howMany': {
    one: 'There is one person on the list.',
    other: 'There are {count} people on the list.',
  },
  'browse.howManyUnknown': {
    one: "I've read out one name so far, and I don't know how many there are in all.",
    other: "I've read out {count} names so far, and I don't know how many there are in all.",
  },

  // End of day and "me is a voice" (issue 18).
  'presence.stateOutEndOfDay': '{name} checked out {when} (end of day).',
  'presence.alreadyOutEndOfDay': '{name} already checked out {when} (end of day).',
  'presence.isIn.noEndOfDay': 'No, {name} checked out {when} (end of day).',
  'presence.amIIn.noEndOfDay': 'No, you checked out {when} (end of day).',
  'identity.needsVoice':
    "I only remember people by their voice, and I don't recognize yours on this device. To set up a voice profile, say: Alexa, learn my voice. Or, in the Alexa app, go to Settings, Your Profile, Voice ID. Until then, just say a name, like: check in Jane Doe.",
  'identity.nothingToForgetByVoice':
    "I only remember people by their voice, and I don't recognize yours, so there's nothing to forget.",
  // Roles, places with their state, and the board by time and company.
  'list.or': 'or',
  'browse.count.role': {
    one: 'For {label}, there is one person:',
    other: 'For {label}, there are {count} people:',
  },
  'browse.count.roleAt': {
    one: 'For {label} at {company}, there is one person:',
    other: 'For {label} at {company}, there are {count} people:',
  },
  'browse.uncounted.role': 'Here is who I found for {label}:',
  'browse.uncounted.roleAt': 'Here is who I found for {label} at {company}:',
  'browse.entry.titleAtCompany': '{name}, {title} at {company}',
  'browse.nobody.role': "Sorry, I don't know anyone whose title matches {name}.",
  'browse.nobody.roleAt': "Sorry, I don't know anyone at {company} whose title matches {name}.",
  'browse.missing.role': 'Which role? For example, say: who is the CTO at Globex?',
  'browse.card.title.role': 'People for {label}',
  'browse.card.title.roleAt': '{label} at {company}',
  'browse.whichPlace.question': 'There is a {city} in more than one state. Do you mean {places}?',
  'browse.whichPlace.reprompt': 'Which {city} do you mean? For example, say: the one in {example}.',
  'board.missing.company': 'Which company? For example, say: who is in from Globex?',
  'board.inFrom.nobody': 'Nobody from {company} is checked in right now.',
  'board.inFrom.list': { one: 'From {company}, {names} is in.', other: 'From {company}, {names} are in.' },
  'board.inFrom.more': 'There are more. To hear everyone, say: who is in?',
  'board.inFrom.cardTitle': 'In from {company}',
  'board.left.nobody': 'Nobody has checked out today.',
  'board.left.list': { one: 'Checked out today: {names}.', other: 'Checked out today: {names}.' },
  'board.left.more': 'Others checked out earlier today.',
  'board.left.entry': '{name} {when}',
  'board.left.cardTitle': 'Checked out today',
  'board.left.cardLine': '{name}, checked out {when}',
} satisfies Resources;

export type ResourceKey = keyof typeof enUS;
