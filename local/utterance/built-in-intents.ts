/**
 * What people say for Alexa's built-in intents. A model declares these intents, usually with no
 * samples, because Alexa already knows the phrases; the engine adds them for each built-in intent
 * the model declares, and only for those.
 */
export const BUILT_IN_INTENT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.HelpIntent': [
    'help',
    'help me',
    'i need help',
    'can you help me',
    'what can i say',
    'what do i say',
    'what can you do',
    'how does this work',
    'what are my options',
    'instructions',
  ],
  'AMAZON.StopIntent': [
    'stop',
    'stop it',
    'off',
    'shut up',
    'be quiet',
    'enough',
    "that's enough",
    'goodbye',
    'bye',
  ],
  'AMAZON.CancelIntent': ['cancel', 'cancel that', 'never mind', 'nevermind', 'forget it'],
  'AMAZON.YesIntent': [
    'yes',
    'yes please',
    'yeah',
    'yep',
    'yup',
    'sure',
    'ok',
    'okay',
    'of course',
    'correct',
    "that's right",
    'right',
    'please do',
  ],
  'AMAZON.NoIntent': [
    'no',
    'no thanks',
    'no thank you',
    'nope',
    'nah',
    'not now',
    "that's all",
    "i'm done",
    'no more',
  ],
  'AMAZON.RepeatIntent': [
    'repeat',
    'repeat that',
    'repeat please',
    'say that again',
    'say it again',
    'again',
    'come again',
    'what did you say',
    'pardon',
    'pardon me',
  ],
  'AMAZON.StartOverIntent': [
    'start over',
    'start again',
    'restart',
    'begin again',
    'start from the beginning',
  ],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'navigate home', 'go to the home screen'],
  'AMAZON.NextIntent': ['next', 'next one', 'next page', 'skip', 'go on', 'continue'],
  'AMAZON.PreviousIntent': ['previous', 'previous one', 'previous page', 'go back', 'back'],
  'AMAZON.MoreIntent': ['more', 'tell me more', 'show more', 'more please'],
  'AMAZON.PauseIntent': ['pause', 'pause that', 'hold on'],
  'AMAZON.ResumeIntent': ['resume', 'keep going'],
  'AMAZON.ScrollDownIntent': ['scroll down'],
  'AMAZON.ScrollUpIntent': ['scroll up'],
  'AMAZON.PageDownIntent': ['page down'],
  'AMAZON.PageUpIntent': ['page up'],
  'AMAZON.SelectIntent': ['select', 'select this', 'choose this'],
  'AMAZON.ShuffleOffIntent': ['shuffle off', 'stop shuffling'],
  'AMAZON.ShuffleOnIntent': ['shuffle', 'shuffle on'],
  'AMAZON.LoopOffIntent': ['loop off'],
  'AMAZON.LoopOnIntent': ['loop on', 'loop'],
};

/** Words that close a skill's session at once: Alexa sends SessionEndedRequest (USER_INITIATED). */
export const EXIT_PHRASES: readonly string[] = ['exit', 'quit', 'exit skill', 'quit skill'];

export const YES_INTENT = 'AMAZON.YesIntent';
export const NO_INTENT = 'AMAZON.NoIntent';
export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';
