/**
 * The two colours of the charts, kept out of the chart's client module so server pages read
 * them as plain strings: distinguishable with colour blindness, and when printed.
 */
export const CHART_BLUE = '#1d4f91';
export const CHART_ORANGE = '#b35900';
