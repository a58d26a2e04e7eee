import type { IndicatorSourceId } from '../report/schema';

/** The official texts the indicators come from (shared/indicators.md). */
export const SOURCES: Record<IndicatorSourceId, { title: string; url: string }> = {
  PSA23: { title: 'FBI / US-ROK, Additional Guidance on the DPRK IT Workers (PSA231018, 2023-10-18)', url: 'https://www.ic3.gov/PSA/2023/PSA231018' },
  ADV22: { title: 'US State, Treasury, FBI: Guidance on the DPRK Information Technology Workers (2022-05-16)', url: 'https://ofac.treasury.gov/media/923126/download?inline' },
  DOJ23: { title: 'DOJ: court-authorized action to disrupt illicit revenue generation (17 domains seized, 2023-10-18)', url: 'https://www.justice.gov/opa/pr/justice-department-announces-court-authorized-action-disrupt-illicit-revenue-generation' },
  OFAC: { title: 'US Treasury / OFAC designations of DPRK IT-worker front companies', url: 'https://home.treasury.gov/news/press-releases/jy2790' },
  SEAL: { title: 'Security Alliance: DPRK IT workers framework', url: 'https://frameworks.securityalliance.dev/insider-threats/summary.html' },
  BfV: { title: 'German Federal Office for the Protection of the Constitution (BfV): DPRK IT workers advisory', url: 'https://www.verfassungsschutz.de/' },
  ROK22: { title: 'Republic of Korea government advisory on DPRK IT workers (2022-12)', url: 'https://www.mofa.go.kr/' },
};
