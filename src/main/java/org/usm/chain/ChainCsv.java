package org.usm.chain;

import org.usm.auditor.Csv;

/**
 * The chain figures as CSV for a monthly review's spreadsheet: a line per service, pattern and period
 * ({@code team} empty), then a line per team and step of it with the team's own times, durations in minutes
 * and rates from 0 to 1 as in the JSON.
 */
public final class ChainCsv {

  public static final String HEADER = "period,serviceId,serviceName,pattern,team,step,calls,steps,finished,fulfilled,"
      + "fulfilmentLeadTimeMedianMinutes,fulfilmentLeadTimeP90Minutes,slaMetAtFulfilmentRate,leadTimeMedianMinutes,"
      + "leadTimeP90Minutes,slaMetRate,reworkRate,firstTimeRightRate,handoffWaitMedianMinutes,"
      + "handoverWaitMedianMinutes,queueTimeMedianMinutes,workTimeMedianMinutes,reroutes,refusals,"
      + "improvementFindings,chainMissesSla,greenWhileChainRed";

  private ChainCsv() {}

  public static String write(ChainFigures.Figures figures) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (ChainFigures.Row row : figures.rows()) {
      int refusals = row.refusalsByRule().values().stream().mapToInt(Integer::intValue).sum();
      csv.append(Csv.line(row.period(), row.serviceId(), row.serviceName(), row.pattern(), null, null, row.calls(),
          null, row.finished(), row.fulfilled(), row.fulfilmentLeadTimeMedianMinutes(),
          row.fulfilmentLeadTimeP90Minutes(), row.slaMetAtFulfilmentRate(), row.leadTimeMedianMinutes(),
          row.leadTimeP90Minutes(), row.slaMetRate(), row.reworkRate(), row.firstTimeRightRate(),
          row.handoffWaitMedianMinutes(), row.handoverWaitMedianMinutes(), null, null, row.reroutes(), refusals,
          row.improvementFindings(), row.chainMissesSla(), null));
      for (ChainFigures.TeamRow team : row.teams()) {
        csv.append(Csv.line(row.period(), row.serviceId(), row.serviceName(), row.pattern(), team.group(),
            team.step(), null, team.steps(), null, null, null, null, null, null, null, null, null, null, null, null,
            team.queueTimeMedianMinutes(), team.workTimeMedianMinutes(), null, null, null, null,
            team.greenWhileChainRed()));
      }
    }
    return csv.toString();
  }
}
