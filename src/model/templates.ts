/**
 * The stage frameworks users expect (domain.md), as blueprints with a few realistic
 * cards in every lane, so a new map shows at once how each lane is meant to be used.
 * Template ids are stable (stored in preferences, used in URLs and tests); the maps
 * they build get fresh ids on every call.
 */
import { buildMap, type LaneSpec, type MapBlueprint } from './factory';
import type { JourneyMap } from './schema';

export interface MapTemplate {
  id: string;
  name: string;
  description: string;
  build(): JourneyMap;
}

/** Lanes most templates share; each template picks and orders its own. */
const LANE = {
  goals: { key: 'goals', kind: 'text', title: 'Customer goals' },
  actions: { key: 'actions', kind: 'text', title: 'Customer actions' },
  touchpoints: { key: 'tp', kind: 'touchpoint', title: 'Touchpoints' },
  thoughts: { key: 'thoughts', kind: 'text', title: 'Thoughts and feelings' },
  emotion: { key: 'emotion', kind: 'emotion', title: 'Emotion' },
  pain: { key: 'pain', kind: 'pain', title: 'Pain points' },
  opportunities: { key: 'opp', kind: 'opportunity', title: 'Opportunities' },
  backstage: { key: 'back', kind: 'text', title: 'Backstage' },
  kpis: { key: 'kpi', kind: 'kpi', title: 'KPIs' },
} as const satisfies Record<string, LaneSpec>;

const contactCenterLifecycle: MapBlueprint = {
  title: 'Contact-center life cycle',
  description:
    'One customer from first awareness to re-purchase, and what the contact center does at each stage. A re-purchase brings the customer back to Buying.',
  stages: [
    { key: 'aware', name: 'Awareness', description: 'Marketing builds awareness; the contact center generates leads and sometimes closes the sale by phone.' },
    { key: 'initial', name: 'Initial contact', description: 'The customer compares on the web, social media and in stores; the contact center is an information and promotion center.' },
    { key: 'buy', name: 'Buying', description: 'Welcome and feedback center: satisfaction calls, CRM campaigns such as reward cards and points.' },
    { key: 'after', name: 'After sales', description: 'Feedback center for complaints, repair requests and reward redemption; an experience center for birthdays and special days.' },
    { key: 'review', name: 'Review and offer next', description: 'At the end of the product’s life (a car, an appliance), offer the replacement.', loopsTo: 'buy' },
  ],
  lanes: [LANE.goals, LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.backstage, LANE.kpis],
  cards: [
    { stage: 'aware', lane: 'goals', text: 'Find out whether this product fits my needs' },
    { stage: 'buy', lane: 'goals', text: 'Get the product set up and working quickly' },
    { stage: 'after', lane: 'goals', text: 'Get a repair without chasing anyone' },
    { stage: 'aware', lane: 'actions', text: 'Sees the ad and calls the number in it' },
    { stage: 'initial', lane: 'actions', text: 'Compares prices on the web site and asks friends on social media' },
    { stage: 'initial', lane: 'actions', text: 'Visits a store to see the product' },
    { stage: 'after', lane: 'actions', text: 'Reports a fault and asks for a repair' },
    { key: 'tpCall', stage: 'aware', lane: 'tp', channel: 'phone', owner: 'Contact center', text: 'Inbound call from the campaign (lead)' },
    { key: 'tpWeb', stage: 'initial', lane: 'tp', channel: 'web', owner: 'Marketing', text: 'Product pages and promotion' },
    { stage: 'initial', lane: 'tp', channel: 'store', owner: 'Sales', text: 'Showroom visit' },
    { key: 'tpWelcome', stage: 'buy', lane: 'tp', channel: 'phone', owner: 'Contact center', text: 'Welcome and satisfaction call' },
    { key: 'tpRepair', stage: 'after', lane: 'tp', channel: 'line', owner: 'Contact center', text: 'Repair request by chat message' },
    { key: 'tpOffer', stage: 'review', lane: 'tp', channel: 'phone', owner: 'Sales', text: 'Offer of the new model' },
    { stage: 'initial', lane: 'thoughts', text: '“Is the promotion really better than the shop next door?”' },
    { stage: 'after', lane: 'thoughts', text: '“I already told them my serial number twice.”' },
    { stage: 'review', lane: 'thoughts', text: '“They remembered my car is due for replacement.”' },
    { stage: 'aware', lane: 'emotion', score: 0 },
    { stage: 'initial', lane: 'emotion', score: 1 },
    { stage: 'buy', lane: 'emotion', score: 2 },
    { stage: 'after', lane: 'emotion', score: -1 },
    { stage: 'review', lane: 'emotion', score: 1 },
    { stage: 'after', lane: 'pain', severity: 'high', touchpoint: 'tpRepair', text: 'The repair request is not answered within the day' },
    { stage: 'initial', lane: 'pain', severity: 'medium', touchpoint: 'tpWeb', text: 'Prices on the web differ from the store' },
    { stage: 'buy', lane: 'opp', owner: 'CRM team', status: 'planned', priority: 'high', text: 'Reward card and points from the first purchase' },
    { stage: 'after', lane: 'opp', owner: 'Contact center', status: 'idea', priority: 'medium', text: 'Birthday and special-day calls' },
    { stage: 'aware', lane: 'back', text: 'Lead passed to the sales team in the CRM' },
    { stage: 'buy', lane: 'back', text: 'CRM campaign list for new customers' },
    { stage: 'after', lane: 'back', text: 'Repair ticket in the service system' },
    { stage: 'aware', lane: 'kpi', metric: 'conversion', value: 12, target: 15, unit: '%', text: 'Calls closed as sales' },
    { stage: 'buy', lane: 'kpi', metric: 'csat', value: 4.3, target: 4.5, unit: '/5' },
    { stage: 'after', lane: 'kpi', metric: 'fcr', value: 68, target: 80, unit: '%' },
    { stage: 'review', lane: 'kpi', metric: 'retention', value: 41, target: 50, unit: '%', text: 'Customers who buy again' },
  ],
  connections: [
    { from: 'tpCall', to: 'tpWeb', label: 'Looks up details' },
    { from: 'tpOffer', to: 'tpWelcome', label: 'Re-purchase' },
  ],
};

const classicFive: MapBlueprint = {
  title: 'Customer journey in five stages',
  description: 'The classic framework: from first hearing of the brand to recommending it.',
  stages: [
    { key: 'aware', name: 'Awareness', description: 'The customer learns the brand exists.' },
    { key: 'consider', name: 'Consideration', description: 'The customer weighs the offer against the alternatives.' },
    { key: 'purchase', name: 'Purchase' },
    { key: 'post', name: 'Post-purchase', description: 'Onboarding, use, service.' },
    { key: 'advocacy', name: 'Advocacy', description: 'A happy customer recommends the brand.' },
  ],
  lanes: [LANE.goals, LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.kpis],
  cards: [
    { stage: 'aware', lane: 'goals', text: 'Solve a problem I just noticed' },
    { stage: 'consider', lane: 'goals', text: 'Pick the option with the best value' },
    { stage: 'post', lane: 'goals', text: 'Get value from the product quickly' },
    { stage: 'aware', lane: 'actions', text: 'Sees a post shared by a friend' },
    { stage: 'consider', lane: 'actions', text: 'Reads reviews and compares plans' },
    { stage: 'purchase', lane: 'actions', text: 'Checks out in the app' },
    { stage: 'advocacy', lane: 'actions', text: 'Writes a review' },
    { stage: 'aware', lane: 'tp', channel: 'instagram', owner: 'Marketing', text: 'Social ad' },
    { key: 'tpWeb', stage: 'consider', lane: 'tp', channel: 'web', owner: 'Marketing', text: 'Comparison page' },
    { stage: 'consider', lane: 'tp', channel: 'chat', owner: 'Sales', text: 'Pre-sales chat' },
    { key: 'tpCheckout', stage: 'purchase', lane: 'tp', channel: 'app', owner: 'E-commerce', text: 'Checkout' },
    { key: 'tpOnboard', stage: 'post', lane: 'tp', channel: 'email', owner: 'Customer success', text: 'Onboarding e-mails' },
    { stage: 'advocacy', lane: 'tp', channel: 'web', owner: 'Marketing', text: 'Referral programme' },
    { stage: 'consider', lane: 'thoughts', text: '“Which plan do I actually need?”' },
    { stage: 'purchase', lane: 'thoughts', text: '“Why do they need my phone number?”' },
    { stage: 'advocacy', lane: 'thoughts', text: '“My colleagues should try this.”' },
    { stage: 'aware', lane: 'emotion', score: 0 },
    { stage: 'consider', lane: 'emotion', score: -1 },
    { stage: 'purchase', lane: 'emotion', score: 1 },
    { stage: 'post', lane: 'emotion', score: 1 },
    { stage: 'advocacy', lane: 'emotion', score: 2 },
    { stage: 'consider', lane: 'pain', severity: 'medium', touchpoint: 'tpWeb', text: 'Plans are hard to compare' },
    { stage: 'purchase', lane: 'pain', severity: 'high', touchpoint: 'tpCheckout', text: 'Checkout asks for an account first' },
    { stage: 'purchase', lane: 'opp', owner: 'E-commerce', status: 'in-progress', priority: 'high', impact: 'high', effort: 'low', text: 'Guest checkout' },
    { stage: 'post', lane: 'opp', owner: 'Customer success', status: 'idea', text: 'Self-service help centre' },
    { stage: 'consider', lane: 'kpi', metric: 'conversion', value: 3.1, target: 4, unit: '%' },
    { stage: 'post', lane: 'kpi', metric: 'csat', value: 4.4, target: 4.5, unit: '/5' },
    { stage: 'advocacy', lane: 'kpi', metric: 'nps', value: 38, target: 45 },
  ],
  connections: [{ from: 'tpCheckout', to: 'tpOnboard', label: 'Order confirmed' }],
};

const omnichannel: MapBlueprint = {
  title: 'Omni-channel service journey',
  description:
    'One customer, one problem, three channels: an e-mail, then Facebook, then chat. Was the context carried, or did the customer have to repeat themselves?',
  stages: [
    { key: 'email', name: 'Reports the problem by e-mail' },
    { key: 'facebook', name: 'Follows up on Facebook' },
    { key: 'chat', name: 'Sends the details in chat' },
    { key: 'resolved', name: 'Problem solved' },
  ],
  lanes: [LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.backstage, LANE.kpis],
  cards: [
    { stage: 'email', lane: 'actions', text: 'Writes to support: the order arrived damaged' },
    { stage: 'facebook', lane: 'actions', text: 'No answer after a day; posts on the brand’s Facebook page' },
    { stage: 'chat', lane: 'actions', text: 'Sends photos and the order number in chat' },
    { stage: 'resolved', lane: 'actions', text: 'Accepts the replacement' },
    { key: 'tpEmail', stage: 'email', lane: 'tp', channel: 'email', owner: 'E-mail support team', text: 'Support inbox' },
    { key: 'tpFacebook', stage: 'facebook', lane: 'tp', channel: 'facebook', owner: 'Social media team', text: 'Reply to the public post' },
    { key: 'tpChat', stage: 'chat', lane: 'tp', channel: 'chat', owner: 'Live chat agents', text: 'Live chat session' },
    { stage: 'resolved', lane: 'tp', channel: 'sms', owner: 'Logistics', text: 'Replacement shipping notice' },
    { stage: 'facebook', lane: 'thoughts', text: '“Does anyone read their e-mail?”' },
    { stage: 'chat', lane: 'thoughts', text: '“I have explained this three times now.”' },
    { stage: 'email', lane: 'emotion', score: -1 },
    { stage: 'facebook', lane: 'emotion', score: -2 },
    { stage: 'chat', lane: 'emotion', score: -1 },
    { stage: 'resolved', lane: 'emotion', score: 1 },
    { stage: 'email', lane: 'pain', severity: 'high', touchpoint: 'tpEmail', text: 'E-mail missed its 24-hour response target' },
    { stage: 'chat', lane: 'pain', severity: 'critical', touchpoint: 'tpChat', text: 'The customer has to repeat the problem on every channel' },
    { stage: 'facebook', lane: 'opp', owner: 'Contact center lead', status: 'planned', priority: 'high', text: 'One customer record across e-mail, social and chat' },
    { stage: 'email', lane: 'opp', owner: 'Workforce planning', status: 'idea', text: 'Monitor non-real-time queues so every message gets a reply' },
    { stage: 'email', lane: 'back', text: 'Ticket in the e-mail tool' },
    { stage: 'facebook', lane: 'back', text: 'Social listening tool, separate from the ticket' },
    { stage: 'chat', lane: 'back', text: 'CRM with the contact history' },
    { stage: 'email', lane: 'kpi', metric: 'response-time', value: 30, target: 24, unit: 'h' },
    { stage: 'chat', lane: 'kpi', metric: 'response-time', value: 2, target: 2, unit: 'min' },
    { stage: 'resolved', lane: 'kpi', metric: 'fcr', value: 55, target: 75, unit: '%', text: 'Solved in one contact' },
    { stage: 'resolved', lane: 'kpi', metric: 'effort', value: 5.2, target: 3, unit: '/7' },
  ],
  connections: [
    { from: 'tpEmail', to: 'tpFacebook', label: 'No reply within 24 h: tries another channel' },
    { from: 'tpFacebook', to: 'tpChat', label: 'Moved to chat: was the context carried?' },
  ],
};

const contactCenterFiveSteps: MapBlueprint = {
  title: 'Contact-center journey in five steps',
  description: 'Know your customers, why and how they contact you, the interaction itself, and the follow-up.',
  stages: [
    { key: 'know', name: 'Know your customers', description: 'A vivid persona for each kind of caller.' },
    { key: 'why', name: 'Why they contact you' },
    { key: 'how', name: 'How they contact you', description: 'Every channel, with a response target for each.' },
    { key: 'interaction', name: 'The interaction' },
    { key: 'follow', name: 'Follow-up', description: 'Did it end well? Measure it.' },
  ],
  lanes: [
    { key: 'goals', kind: 'text', title: 'What the customer wants' },
    LANE.actions,
    LANE.touchpoints,
    LANE.emotion,
    { key: 'pain', kind: 'pain', title: 'Obstacles' },
    LANE.opportunities,
    { key: 'back', kind: 'text', title: 'Agent tools' },
    LANE.kpis,
  ],
  cards: [
    { stage: 'know', lane: 'goals', text: 'Kevin, 28, wants to fix his billing problem before his weekend match' },
    { stage: 'why', lane: 'goals', text: 'First-time caller: needs a welcome and guidance' },
    { stage: 'why', lane: 'goals', text: 'Long-time customer: wants to be recognised' },
    { stage: 'how', lane: 'actions', text: 'Tries the app first, then calls' },
    { stage: 'interaction', lane: 'actions', text: 'Explains the problem and confirms identity' },
    { key: 'tpApp', stage: 'how', lane: 'tp', channel: 'app', owner: 'Digital team', text: 'Help section in the app' },
    { key: 'tpIvr', stage: 'how', lane: 'tp', channel: 'ivr', owner: 'Contact center', text: 'IVR menu' },
    { key: 'tpAgent', stage: 'interaction', lane: 'tp', channel: 'phone', owner: 'Contact center', text: 'Call with an agent' },
    { stage: 'follow', lane: 'tp', channel: 'sms', owner: 'CX team', text: 'Satisfaction survey' },
    { stage: 'why', lane: 'emotion', score: -1 },
    { stage: 'how', lane: 'emotion', score: -2 },
    { stage: 'interaction', lane: 'emotion', score: 1 },
    { stage: 'follow', lane: 'emotion', score: 1 },
    { stage: 'how', lane: 'pain', severity: 'high', touchpoint: 'tpIvr', text: 'Passed through IVR menus before reaching a person' },
    { stage: 'interaction', lane: 'pain', severity: 'medium', touchpoint: 'tpAgent', text: 'Transferred between agents' },
    { stage: 'why', lane: 'opp', owner: 'CRM team', status: 'planned', text: 'Show the reason of the last contact to the agent' },
    { stage: 'interaction', lane: 'opp', owner: 'Training', status: 'in-progress', priority: 'high', text: 'Coach agents on emotional intelligence' },
    { stage: 'why', lane: 'back', text: 'CRM and call monitoring software' },
    { stage: 'interaction', lane: 'back', text: 'Knowledge base and call scripts' },
    { stage: 'how', lane: 'kpi', metric: 'response-time', value: 0.5, target: 0, unit: 'min', text: 'Calls answered at once' },
    { stage: 'interaction', lane: 'kpi', metric: 'fcr', value: 71, target: 80, unit: '%' },
    { stage: 'follow', lane: 'kpi', metric: 'csat', value: 4.1, target: 4.5, unit: '/5' },
    { stage: 'follow', lane: 'kpi', metric: 'nps', value: 22, target: 35 },
  ],
  connections: [
    { from: 'tpApp', to: 'tpIvr', label: 'Help did not answer it' },
    { from: 'tpIvr', to: 'tpAgent', label: 'Transferred' },
  ],
};

const blank: MapBlueprint = {
  title: 'Untitled journey',
  stages: [
    { name: 'Before' },
    { name: 'During' },
    { name: 'After' },
  ],
  lanes: [
    { kind: 'text', title: 'Customer actions' },
    { kind: 'touchpoint', title: 'Touchpoints' },
    { kind: 'emotion', title: 'Emotion' },
    { kind: 'pain', title: 'Pain points' },
  ],
};

function template(id: string, name: string, description: string, bp: MapBlueprint): MapTemplate {
  return { id, name, description, build: () => buildMap(bp) };
}

export const TEMPLATES: readonly MapTemplate[] = [
  template('blank', 'Blank map', 'Three stages and four lanes, ready for your own cards.', blank),
  template(
    'contact-center-lifecycle',
    'Contact-center life cycle',
    'Awareness to re-purchase, with the contact center’s role at each stage; the last stage loops back to Buying.',
    contactCenterLifecycle,
  ),
  template('classic-five', 'Classic five stages', 'Awareness, consideration, purchase, post-purchase, advocacy.', classicFive),
  template('omnichannel', 'Omni-channel service journey', 'One problem across e-mail, Facebook and chat.', omnichannel),
  template(
    'contact-center-five-steps',
    'Contact-center journey in five steps',
    'Know your customers, why and how they contact you, the interaction, the follow-up.',
    contactCenterFiveSteps,
  ),
];

export function templateById(id: string): MapTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
