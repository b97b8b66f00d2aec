/**
 * UI strings in Korean and English. Plan texts come in Korean from the document, with the English staff add (LocalText shows the Korean, marked, where there is none);
 * only the chrome around it is translated. The language lives in the URL (`?lang=en`, so a
 * shared link keeps its language) and in localStorage (so a returning visitor keeps theirs).
 */
import { createContext, useContext } from 'react';
import { educationEn, educationKo } from './i18n-education.ts';
import { cooperationEn, cooperationKo } from './i18n-cooperation.ts';
import { editingEn, editingKo } from './i18n-editing.ts';
import { eventsEn, eventsKo } from './i18n-events.ts';
import { trainingEn, trainingKo } from './i18n-training.ts';
import { ordinanceEn, ordinanceKo } from './i18n-cooperation-ordinance.ts';
import { portalEn, portalKo } from './i18n-portal.ts';
import { settlementEn, settlementKo } from './i18n-settlement.ts';
import { staffEn, staffKo } from './i18n-staff.ts';
import { transparencyEn, transparencyKo } from './i18n-transparency.ts';
import { workspaceEn, workspaceKo } from './i18n-workspace.ts';
import { newsEn, newsKo } from './i18n-news.ts';
import { homeEn, homeKo } from './i18n-home.ts';
import { todoEn, todoKo } from './i18n-todo.ts';
import { openDataEn, openDataKo } from './i18n-opendata.ts';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
const STORAGE_KEY = 'finhub.lang';

const ko = {
  serviceTitle: '전북금융중심지 공약 관리',
  skipLink: '본문 바로가기',
  langSwitchLabel: '언어 선택',
  homeTitle: '전북금융중심지 공약 실천계획',
  homeIntro: '전주시가 전북금융중심지 지정을 위해 추진하는 공약의 실천계획, 재원, 추진절차와 연도별 계획을 공개합니다.',
  planListHeading: '실천계획 목록',
  planListEmpty: '등록된 실천계획이 없습니다.',
  categoryNumber: '{category} · 공약 No. {number}',
  period: '사업기간',
  totalBudget: '총사업비',
  chartUnit: '단위: 억원',
  totalBudgetValue: '{amount}억원',
  breadcrumbLabel: '이동 경로',
  home: '홈',
  tocLabel: '이 페이지의 구성',
  contents: '사업내용',
  budget: '연도별 재원투자',
  budgetCaption: '재원별·연도별 투자 계획 (단위: 억원)',
  tableUnit: '(단위: 억원)',
  colSource: '구분',
  colTotal: '총투자 규모',
  colPrior: '기투자',
  colWithinTerm: '임기 내',
  colSubtotal: '소계',
  rowSum: '합계',
  chartHeading: '연도별 계획 예산',
  chartLabel: '연도별 계획 예산 막대그래프. {summary}. 임기 내 합계 {total}억원.',
  chartYear: '{year}년 {amount}억원',
  chartAfter: '{year}년 이후 {amount}억원',
  chartLegend: '범례',
  phases: '추진절차',
  schedule: '연도별 목표 및 추진계획',
  yearHeading: '{year}년',
  goals: '목표',
  actions: '추진계획',
  actionTarget: '목표 {count}{unit}',
  effects: '기대효과',
  loading: '불러오는 중입니다…',
  notFoundTitle: '페이지를 찾을 수 없습니다',
  notFoundText: '요청하신 페이지가 없거나 주소가 바뀌었습니다. 주소를 다시 확인해 주세요.',
  errorTitle: '정보를 불러오지 못했습니다',
  errorText: '서버와 통신하는 중 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
  errorDetail: '오류 내용: {detail}',
  retry: '다시 시도',
  backHome: '홈으로 가기',
  titleSuffix: 'finhub 전북금융중심지 공약 관리',
  ...staffKo,
  ...workspaceKo,
  ...educationKo,
  ...eventsKo,
  ...editingKo,
  ...cooperationKo,
  ...trainingKo,
  ...ordinanceKo,
  ...settlementKo,
  ...transparencyKo,
  ...portalKo,
  ...newsKo,
  ...homeKo,
  ...todoKo,
  ...openDataKo,
};

export type MessageKey = keyof typeof ko;

const en: Record<MessageKey, string> = {
  serviceTitle: 'Jeonbuk Financial Center Pledge',
  skipLink: 'Skip to content',
  langSwitchLabel: 'Language',
  homeTitle: 'Jeonbuk Financial Center Pledge Plans',
  homeIntro:
    'Jeonju City publishes the action plans, funding, phases and yearly schedule of its pledge to have Jeonbuk designated as a financial center. Plan texts not yet translated are shown in Korean.',
  planListHeading: 'Action plans',
  planListEmpty: 'No action plans have been published yet.',
  categoryNumber: '{category} · Pledge No. {number}',
  period: 'Period',
  totalBudget: 'Total budget',
  chartUnit: 'unit: 억원 = KRW 100 million',
  totalBudgetValue: '{amount} 억원 ({krw})',
  breadcrumbLabel: 'Breadcrumb',
  home: 'Home',
  tocLabel: 'On this page',
  contents: 'Contents',
  budget: 'Funding by year',
  budgetCaption: 'Planned investment by funding source and year (unit: 억원 = KRW 100 million)',
  tableUnit: '(unit: 억원 = KRW 100 million)',
  colSource: 'Source',
  colTotal: 'Total',
  colPrior: 'Prior',
  colWithinTerm: 'Within the term',
  colSubtotal: 'Subtotal',
  rowSum: 'Sum',
  chartHeading: 'Planned budget by year',
  chartLabel: 'Bar chart of the planned budget by year, in 억원 (KRW 100 million): {summary}. Total within the term: {total}.',
  chartYear: '{year}: {amount}',
  chartAfter: '{year} and later: {amount}',
  chartLegend: 'Legend',
  phases: 'Phases',
  schedule: 'Yearly goals and action plan',
  yearHeading: '{year}',
  goals: 'Goals',
  actions: 'Actions',
  actionTarget: 'Target: {count} {unit}',
  effects: 'Expected effects',
  loading: 'Loading…',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for does not exist or has moved. Please check the address.',
  errorTitle: 'Could not load the information',
  errorText: 'Something went wrong while talking to the server. Please try again in a moment.',
  errorDetail: 'Details: {detail}',
  retry: 'Try again',
  backHome: 'Go to the home page',
  titleSuffix: 'finhub Jeonbuk Financial Center Pledge',
  ...staffEn,
  ...workspaceEn,
  ...educationEn,
  ...eventsEn,
  ...editingEn,
  ...cooperationEn,
  ...trainingEn,
  ...ordinanceEn,
  ...settlementEn,
  ...transparencyEn,
  ...portalEn,
  ...newsEn,
  ...homeEn,
  ...todoEn,
  ...openDataEn,
};

const DICTIONARY: Record<Lang, Record<MessageKey, string>> = { ko, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = DICTIONARY[lang];
  return (key, vars) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

function isLang(value: unknown): value is Lang {
  return value === 'ko' || value === 'en';
}

/** The language named in a query string, if any. */
export function langFromSearch(search: string): Lang | null {
  const value = new URLSearchParams(search).get('lang');
  return isLang(value) ? value : null;
}

export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, strict settings); the URL still works
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* see storedLang */
  }
}

/** Adds `lang=en` to an internal href, or removes `lang` for Korean (the default, kept clean). */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href, 'http://local');
  if (lang === 'ko') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: 'ko', t: translator('ko') });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
