/**
 * Every intent, slot and slot type name the code relies on. A test checks this module against the
 * interaction models in both directions, so a renamed intent breaks the build, not a conversation.
 */
export const IntentNames = {
  contactDetails: 'ContactDetailsIntent',
  chooseContact: 'ChooseContactIntent',
  checkIn: 'CheckInIntent',
  checkOut: 'CheckOutIntent',
  checkMeIn: 'CheckMeInIntent',
  checkMeOut: 'CheckMeOutIntent',
  whoIsIn: 'WhoIsInIntent',
  isIn: 'IsInIntent',
  amIIn: 'AmIInIntent',
  identify: 'IdentifyIntent',
  forgetMe: 'ForgetMeIntent',
  browseCompany: 'BrowseCompanyIntent',
  browsePlace: 'BrowsePlaceIntent',
  browseInitial: 'BrowseInitialIntent',
  browseRole: 'BrowseRoleIntent',
  whoIsInFrom: 'WhoIsInFromIntent',
  whoLeftToday: 'WhoLeftTodayIntent',
  whenPresence: 'WhenPresenceIntent',
  visitorArrival: 'VisitorArrivalIntent',
  visitorLeave: 'VisitorLeaveIntent',
  visitorsToday: 'VisitorsTodayIntent',
  visitorArrived: 'VisitorArrivedIntent',
  more: 'AMAZON.MoreIntent',
  next: 'AMAZON.NextIntent',
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  fallback: 'AMAZON.FallbackIntent',
  navigateHome: 'AMAZON.NavigateHomeIntent',
  repeat: 'AMAZON.RepeatIntent',
  startOver: 'AMAZON.StartOverIntent',
  yes: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
  // Follow-ups: "what about Wei Zhang", "none of them", "go back", "how many are there".
  followUp: 'FollowUpIntent',
  noneOfThem: 'NoneOfThemIntent',
  howMany: 'HowManyIntent',
  previous: 'AMAZON.PreviousIntent',
} as const;

export type IntentName = (typeof IntentNames)[keyof typeof IntentNames];

export const SlotNames = {
  name: 'name',
  detail: 'detail',
  company: 'company',
  ordinal: 'ordinal',
  city: 'city',
  state: 'state',
  letter: 'letter',
  // Picking from a list: "the last one", "the designer".
  end: 'end',
  title: 'title',
  role: 'role',
  host: 'host',
  visitorName: 'visitorName',
  visitorCompany: 'visitorCompany',
} as const;

export const SlotTypeNames = {
  contactName: 'CONTACT_NAME',
  contactDetail: 'CONTACT_DETAIL',
  companyName: 'COMPANY_NAME',
  letter: 'LETTER',
  listEnd: 'LIST_END',
  jobTitle: 'JOB_TITLE',
  role: 'ROLE_NAME',
} as const;

/** The ids of the CONTACT_DETAIL slot type's values. */
export const ContactDetails = ['email', 'phone', 'office', 'company', 'title'] as const;
export type ContactDetail = (typeof ContactDetails)[number];

export function isContactDetail(value: string | undefined): value is ContactDetail {
  return value !== undefined && (ContactDetails as readonly string[]).includes(value);
}
