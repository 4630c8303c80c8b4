/**
 * The templates' structure, once for every language: stages, lanes, where each card sits, its
 * channel, score, severity, KPI figures, and the arrows. Texts are not written here but named by
 * their keys in the language tables (en.ts is the reference), so a typo in a key, or a text one
 * language lacks, does not compile.
 */
import type { CardSpec, ConnectionSpec, LaneSpec, StageSpec } from '../factory';
import type { TemplateTexts } from './en';

export type TemplateId = keyof TemplateTexts['templates'];
type LaneTitle = keyof TemplateTexts['lanes'];
type Owner = keyof TemplateTexts['owners'];
type Unit = keyof TemplateTexts['units'];

/** A blueprint (factory.ts) whose texts are the keys `K` of its template's texts. */
export interface Skeleton<K extends string = string> {
  title: K;
  description?: K;
  stages: readonly (Omit<StageSpec, 'name' | 'description'> & { name: K; description?: K })[];
  lanes: readonly (Omit<LaneSpec, 'title'> & { title: LaneTitle })[];
  cards?: readonly (Omit<CardSpec, 'text' | 'owner' | 'unit'> & { text?: K; owner?: Owner; unit?: Unit })[];
  connections?: readonly (Omit<ConnectionSpec, 'label'> & { label?: K })[];
}

/** Lanes most templates share; each template picks and orders its own. */
const LANE = {
  goals: { key: 'goals', kind: 'text', title: 'goals' },
  actions: { key: 'actions', kind: 'text', title: 'actions' },
  touchpoints: { key: 'tp', kind: 'touchpoint', title: 'touchpoints' },
  thoughts: { key: 'thoughts', kind: 'text', title: 'thoughts' },
  emotion: { key: 'emotion', kind: 'emotion', title: 'emotion' },
  pain: { key: 'pain', kind: 'pain', title: 'pain' },
  opportunities: { key: 'opp', kind: 'opportunity', title: 'opportunities' },
  backstage: { key: 'back', kind: 'text', title: 'backstage' },
  kpis: { key: 'kpi', kind: 'kpi', title: 'kpis' },
} as const satisfies Record<string, Skeleton['lanes'][number]>;

export const SKELETONS: { readonly [T in TemplateId]: Skeleton<keyof TemplateTexts['templates'][T] & string> } = {
  blank: {
    title: 'title',
    stages: [
      { key: 'before', name: 'before' },
      { key: 'during', name: 'during' },
      { key: 'after', name: 'after' },
    ],
    lanes: [
      { kind: 'text', title: 'actions' },
      { kind: 'touchpoint', title: 'touchpoints' },
      { kind: 'emotion', title: 'emotion' },
      { kind: 'pain', title: 'pain' },
    ],
  },

  'contact-center-lifecycle': {
    title: 'title',
    description: 'description',
    stages: [
      { key: 'aware', name: 'aware', description: 'awareAbout' },
      { key: 'initial', name: 'initial', description: 'initialAbout' },
      { key: 'buy', name: 'buy', description: 'buyAbout' },
      { key: 'after', name: 'after', description: 'afterAbout' },
      { key: 'review', name: 'review', description: 'reviewAbout', loopsTo: 'buy' },
    ],
    lanes: [LANE.goals, LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.backstage, LANE.kpis],
    cards: [
      { stage: 'aware', lane: 'goals', text: 'goalFit' },
      { stage: 'buy', lane: 'goals', text: 'goalSetup' },
      { stage: 'after', lane: 'goals', text: 'goalRepair' },
      { stage: 'aware', lane: 'actions', text: 'seesAd' },
      { stage: 'initial', lane: 'actions', text: 'comparesPrices' },
      { stage: 'initial', lane: 'actions', text: 'visitsStore' },
      { stage: 'after', lane: 'actions', text: 'reportsFault' },
      { key: 'tpCall', stage: 'aware', lane: 'tp', channel: 'phone', owner: 'contactCenter', text: 'tpCall' },
      { key: 'tpWeb', stage: 'initial', lane: 'tp', channel: 'web', owner: 'marketing', text: 'tpWeb' },
      { stage: 'initial', lane: 'tp', channel: 'store', owner: 'sales', text: 'tpShowroom' },
      { key: 'tpWelcome', stage: 'buy', lane: 'tp', channel: 'phone', owner: 'contactCenter', text: 'tpWelcome' },
      { key: 'tpRepair', stage: 'after', lane: 'tp', channel: 'line', owner: 'contactCenter', text: 'tpRepair' },
      { key: 'tpOffer', stage: 'review', lane: 'tp', channel: 'phone', owner: 'sales', text: 'tpOffer' },
      { stage: 'initial', lane: 'thoughts', text: 'thinkPromo' },
      { stage: 'after', lane: 'thoughts', text: 'thinkSerial' },
      { stage: 'review', lane: 'thoughts', text: 'thinkRemembered' },
      { stage: 'aware', lane: 'emotion', score: 0 },
      { stage: 'initial', lane: 'emotion', score: 1 },
      { stage: 'buy', lane: 'emotion', score: 2 },
      { stage: 'after', lane: 'emotion', score: -1 },
      { stage: 'review', lane: 'emotion', score: 1 },
      { stage: 'after', lane: 'pain', severity: 'high', touchpoint: 'tpRepair', text: 'painRepair' },
      { stage: 'initial', lane: 'pain', severity: 'medium', touchpoint: 'tpWeb', text: 'painPrices' },
      { stage: 'buy', lane: 'opp', owner: 'crmTeam', status: 'planned', priority: 'high', text: 'oppRewards' },
      { stage: 'after', lane: 'opp', owner: 'contactCenter', status: 'idea', priority: 'medium', text: 'oppBirthday' },
      { stage: 'aware', lane: 'back', text: 'backLead' },
      { stage: 'buy', lane: 'back', text: 'backCampaign' },
      { stage: 'after', lane: 'back', text: 'backTicket' },
      { stage: 'aware', lane: 'kpi', metric: 'conversion', value: 12, target: 15, unit: 'percent', text: 'kpiSales' },
      { stage: 'buy', lane: 'kpi', metric: 'csat', value: 4.3, target: 4.5, unit: 'outOf5' },
      { stage: 'after', lane: 'kpi', metric: 'fcr', value: 68, target: 80, unit: 'percent' },
      { stage: 'review', lane: 'kpi', metric: 'retention', value: 41, target: 50, unit: 'percent', text: 'kpiRebuy' },
    ],
    connections: [
      { from: 'tpCall', to: 'tpWeb', label: 'looksUp' },
      { from: 'tpOffer', to: 'tpWelcome', label: 'rebuy' },
    ],
  },

  'classic-five': {
    title: 'title',
    description: 'description',
    stages: [
      { key: 'aware', name: 'aware', description: 'awareAbout' },
      { key: 'consider', name: 'consider', description: 'considerAbout' },
      { key: 'purchase', name: 'purchase' },
      { key: 'post', name: 'post', description: 'postAbout' },
      { key: 'advocacy', name: 'advocacy', description: 'advocacyAbout' },
    ],
    lanes: [LANE.goals, LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.kpis],
    cards: [
      { stage: 'aware', lane: 'goals', text: 'goalSolve' },
      { stage: 'consider', lane: 'goals', text: 'goalValue' },
      { stage: 'post', lane: 'goals', text: 'goalQuick' },
      { stage: 'aware', lane: 'actions', text: 'seesPost' },
      { stage: 'consider', lane: 'actions', text: 'readsReviews' },
      { stage: 'purchase', lane: 'actions', text: 'checksOut' },
      { stage: 'advocacy', lane: 'actions', text: 'writesReview' },
      { stage: 'aware', lane: 'tp', channel: 'instagram', owner: 'marketing', text: 'tpSocialAd' },
      { key: 'tpWeb', stage: 'consider', lane: 'tp', channel: 'web', owner: 'marketing', text: 'tpWeb' },
      { stage: 'consider', lane: 'tp', channel: 'chat', owner: 'sales', text: 'tpPresales' },
      { key: 'tpCheckout', stage: 'purchase', lane: 'tp', channel: 'app', owner: 'ecommerce', text: 'tpCheckout' },
      { key: 'tpOnboard', stage: 'post', lane: 'tp', channel: 'email', owner: 'customerSuccess', text: 'tpOnboard' },
      { stage: 'advocacy', lane: 'tp', channel: 'web', owner: 'marketing', text: 'tpReferral' },
      { stage: 'consider', lane: 'thoughts', text: 'thinkPlan' },
      { stage: 'purchase', lane: 'thoughts', text: 'thinkPhone' },
      { stage: 'advocacy', lane: 'thoughts', text: 'thinkColleagues' },
      { stage: 'aware', lane: 'emotion', score: 0 },
      { stage: 'consider', lane: 'emotion', score: -1 },
      { stage: 'purchase', lane: 'emotion', score: 1 },
      { stage: 'post', lane: 'emotion', score: 1 },
      { stage: 'advocacy', lane: 'emotion', score: 2 },
      { stage: 'consider', lane: 'pain', severity: 'medium', touchpoint: 'tpWeb', text: 'painCompare' },
      { stage: 'purchase', lane: 'pain', severity: 'high', touchpoint: 'tpCheckout', text: 'painAccount' },
      {
        stage: 'purchase',
        lane: 'opp',
        owner: 'ecommerce',
        status: 'in-progress',
        priority: 'high',
        impact: 'high',
        effort: 'low',
        text: 'oppGuest',
      },
      { stage: 'post', lane: 'opp', owner: 'customerSuccess', status: 'idea', text: 'oppHelpCentre' },
      { stage: 'consider', lane: 'kpi', metric: 'conversion', value: 3.1, target: 4, unit: 'percent' },
      { stage: 'post', lane: 'kpi', metric: 'csat', value: 4.4, target: 4.5, unit: 'outOf5' },
      { stage: 'advocacy', lane: 'kpi', metric: 'nps', value: 38, target: 45 },
    ],
    connections: [{ from: 'tpCheckout', to: 'tpOnboard', label: 'confirmed' }],
  },

  omnichannel: {
    title: 'title',
    description: 'description',
    stages: [
      { key: 'email', name: 'email' },
      { key: 'facebook', name: 'facebook' },
      { key: 'chat', name: 'chat' },
      { key: 'resolved', name: 'resolved' },
    ],
    lanes: [LANE.actions, LANE.touchpoints, LANE.thoughts, LANE.emotion, LANE.pain, LANE.opportunities, LANE.backstage, LANE.kpis],
    cards: [
      { stage: 'email', lane: 'actions', text: 'writes' },
      { stage: 'facebook', lane: 'actions', text: 'posts' },
      { stage: 'chat', lane: 'actions', text: 'sendsPhotos' },
      { stage: 'resolved', lane: 'actions', text: 'accepts' },
      { key: 'tpEmail', stage: 'email', lane: 'tp', channel: 'email', owner: 'emailTeam', text: 'tpEmail' },
      { key: 'tpFacebook', stage: 'facebook', lane: 'tp', channel: 'facebook', owner: 'socialTeam', text: 'tpFacebook' },
      { key: 'tpChat', stage: 'chat', lane: 'tp', channel: 'chat', owner: 'chatAgents', text: 'tpChat' },
      { stage: 'resolved', lane: 'tp', channel: 'sms', owner: 'logistics', text: 'tpShipping' },
      { stage: 'facebook', lane: 'thoughts', text: 'thinkEmail' },
      { stage: 'chat', lane: 'thoughts', text: 'thinkRepeat' },
      { stage: 'email', lane: 'emotion', score: -1 },
      { stage: 'facebook', lane: 'emotion', score: -2 },
      { stage: 'chat', lane: 'emotion', score: -1 },
      { stage: 'resolved', lane: 'emotion', score: 1 },
      { stage: 'email', lane: 'pain', severity: 'high', touchpoint: 'tpEmail', text: 'painTarget' },
      { stage: 'chat', lane: 'pain', severity: 'critical', touchpoint: 'tpChat', text: 'painRepeat' },
      { stage: 'facebook', lane: 'opp', owner: 'contactCenterLead', status: 'planned', priority: 'high', text: 'oppOneRecord' },
      { stage: 'email', lane: 'opp', owner: 'workforce', status: 'idea', text: 'oppMonitor' },
      { stage: 'email', lane: 'back', text: 'backTicket' },
      { stage: 'facebook', lane: 'back', text: 'backListening' },
      { stage: 'chat', lane: 'back', text: 'backHistory' },
      { stage: 'email', lane: 'kpi', metric: 'response-time', value: 30, target: 24, unit: 'hours' },
      { stage: 'chat', lane: 'kpi', metric: 'response-time', value: 2, target: 2, unit: 'minutes' },
      { stage: 'resolved', lane: 'kpi', metric: 'fcr', value: 55, target: 75, unit: 'percent', text: 'kpiOneContact' },
      { stage: 'resolved', lane: 'kpi', metric: 'effort', value: 5.2, target: 3, unit: 'outOf7' },
    ],
    connections: [
      { from: 'tpEmail', to: 'tpFacebook', label: 'noReply' },
      { from: 'tpFacebook', to: 'tpChat', label: 'movedToChat' },
    ],
  },

  'contact-center-five-steps': {
    title: 'title',
    description: 'description',
    stages: [
      { key: 'know', name: 'know', description: 'knowAbout' },
      { key: 'why', name: 'why' },
      { key: 'how', name: 'how', description: 'howAbout' },
      { key: 'interaction', name: 'interaction' },
      { key: 'follow', name: 'follow', description: 'followAbout' },
    ],
    lanes: [
      { key: 'goals', kind: 'text', title: 'wants' },
      LANE.actions,
      LANE.touchpoints,
      LANE.emotion,
      { key: 'pain', kind: 'pain', title: 'obstacles' },
      LANE.opportunities,
      { key: 'back', kind: 'text', title: 'agentTools' },
      LANE.kpis,
    ],
    cards: [
      { stage: 'know', lane: 'goals', text: 'persona' },
      { stage: 'why', lane: 'goals', text: 'firstTime' },
      { stage: 'why', lane: 'goals', text: 'longTime' },
      { stage: 'how', lane: 'actions', text: 'triesApp' },
      { stage: 'interaction', lane: 'actions', text: 'explains' },
      { key: 'tpApp', stage: 'how', lane: 'tp', channel: 'app', owner: 'digitalTeam', text: 'tpApp' },
      { key: 'tpIvr', stage: 'how', lane: 'tp', channel: 'ivr', owner: 'contactCenter', text: 'tpIvr' },
      { key: 'tpAgent', stage: 'interaction', lane: 'tp', channel: 'phone', owner: 'contactCenter', text: 'tpAgent' },
      { stage: 'follow', lane: 'tp', channel: 'sms', owner: 'cxTeam', text: 'tpSurvey' },
      { stage: 'why', lane: 'emotion', score: -1 },
      { stage: 'how', lane: 'emotion', score: -2 },
      { stage: 'interaction', lane: 'emotion', score: 1 },
      { stage: 'follow', lane: 'emotion', score: 1 },
      { stage: 'how', lane: 'pain', severity: 'high', touchpoint: 'tpIvr', text: 'painIvr' },
      { stage: 'interaction', lane: 'pain', severity: 'medium', touchpoint: 'tpAgent', text: 'painTransfer' },
      { stage: 'why', lane: 'opp', owner: 'crmTeam', status: 'planned', text: 'oppLastReason' },
      { stage: 'interaction', lane: 'opp', owner: 'training', status: 'in-progress', priority: 'high', text: 'oppCoach' },
      { stage: 'why', lane: 'back', text: 'backMonitoring' },
      { stage: 'interaction', lane: 'back', text: 'backScripts' },
      { stage: 'how', lane: 'kpi', metric: 'response-time', value: 0.5, target: 0, unit: 'minutes', text: 'kpiAtOnce' },
      { stage: 'interaction', lane: 'kpi', metric: 'fcr', value: 71, target: 80, unit: 'percent' },
      { stage: 'follow', lane: 'kpi', metric: 'csat', value: 4.1, target: 4.5, unit: 'outOf5' },
      { stage: 'follow', lane: 'kpi', metric: 'nps', value: 22, target: 35 },
    ],
    connections: [
      { from: 'tpApp', to: 'tpIvr', label: 'helpFailed' },
      { from: 'tpIvr', to: 'tpAgent', label: 'transferred' },
    ],
  },
};
