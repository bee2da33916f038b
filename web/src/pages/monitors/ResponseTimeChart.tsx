import { Box, Paper, Text, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState, type MouseEvent } from 'react';
import type { HistoryPoint } from '../../api/checkTypes';
import { formatDateTime, formatDay, formatTime } from '../../time/format';
import { addDays, fromLocalInput, toLocalInput } from '../../time/zoned';
import { formatResponseTime } from './checkFormat';

interface ResponseTimeChartProps {
  points: HistoryPoint[];
  /** The time axis, epoch milliseconds. */
  from: number;
  to: number;
  /** One point per check (the last day, labelled by time); otherwise one per hour with the average (labelled by date). */
  perCheck: boolean;
  zone: string;
  label: string;
}

const height = 180;
const margin = { top: 8, right: 8, bottom: 22, left: 52 };

/** 1, 2 or 5 times a power of ten, at least the value: a y-axis top that reads well. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return ([1, 2, 5, 10].map((m) => m * power).find((step) => step >= value) ?? 10 * power);
}

const failed = (p: HistoryPoint) => p.up < p.checks;

const hourMs = 3_600_000;

/** Whole hours six hours apart for a day; local midnights a day (7 days) or five days (30 days) apart for longer ranges. */
function timeTicks(from: number, to: number, perCheck: boolean, zone: string): number[] {
  const ticks: number[] = [];
  if (perCheck) {
    for (let at = Math.ceil(from / hourMs) * hourMs; at <= to; at += 6 * hourMs) ticks.push(at);
    return ticks;
  }
  const days = to - from > 10 * 24 * hourMs ? 5 : 1;
  for (let date = addDays(toLocalInput(from, zone).slice(0, 10), 1); ; date = addDays(date, days)) {
    const at = Date.parse(fromLocalInput(date, zone));
    if (at > to) return ticks;
    ticks.push(at);
  }
}

/** Response time as a line over time, broken where checks had no response; points with failed checks are red. */
export function ResponseTimeChart({ points: all, from, to, perCheck, zone, label }: ResponseTimeChartProps) {
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const [hovered, setHovered] = useState<HistoryPoint | null>(null);
  // The server's range may start a little before the axis when its clock is behind the browser's.
  const points = all.filter((p) => Date.parse(p.at) >= from);
  const innerWidth = Math.max(width - margin.left - margin.right, 1);
  const innerHeight = height - margin.top - margin.bottom;
  const top = niceCeiling(Math.max(10, ...points.map((p) => p.responseMs ?? 0)));
  const x = (at: string | number) => margin.left + (((typeof at === 'number' ? at : Date.parse(at)) - from) / (to - from)) * innerWidth;
  const y = (ms: number) => margin.top + innerHeight - (ms / top) * innerHeight;

  let line = '';
  let drawing = false;
  for (const p of points) {
    if (p.responseMs === null) drawing = false;
    else {
      line += `${drawing ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.responseMs).toFixed(1)}`;
      drawing = true;
    }
  }
  const yTicks = [0, top / 2, top];

  const hover = (event: MouseEvent<SVGSVGElement>) => {
    const at = from + ((event.clientX - event.currentTarget.getBoundingClientRect().left - margin.left) / innerWidth) * (to - from);
    let nearest: HistoryPoint | null = null;
    for (const p of points) if (nearest === null || Math.abs(Date.parse(p.at) - at) < Math.abs(Date.parse(nearest.at) - at)) nearest = p;
    setHovered(nearest);
  };

  return (
    <Box ref={ref} pos="relative">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={label} onMouseMove={hover} onMouseLeave={() => setHovered(null)}>
          {yTicks.map((ms) => (
            <g key={ms}>
              <line x1={margin.left} x2={width - margin.right} y1={y(ms)} y2={y(ms)} stroke={theme.colors.gray[3]} strokeDasharray={ms === 0 ? undefined : '3 3'} />
              <text x={margin.left - 6} y={y(ms)} dy="0.32em" textAnchor="end" fontSize={11} fill={theme.colors.gray[6]}>
                {formatResponseTime(ms)}
              </text>
            </g>
          ))}
          {timeTicks(from, to, perCheck, zone).map((at) => {
            const iso = new Date(at).toISOString();
            // Labels at the edges stay inside the chart.
            const anchor = x(at) < margin.left + 30 ? 'start' : x(at) > width - 30 ? 'end' : 'middle';
            return (
              <g key={at}>
                <line x1={x(at)} x2={x(at)} y1={margin.top + innerHeight} y2={margin.top + innerHeight + 4} stroke={theme.colors.gray[4]} />
                <text x={x(at)} y={height - 6} textAnchor={anchor} fontSize={11} fill={theme.colors.gray[6]}>
                  {perCheck ? formatTime(iso, zone) : formatDay(iso, zone)}
                </text>
              </g>
            );
          })}
          <path d={line} fill="none" stroke={theme.colors[theme.primaryColor]?.[6]} strokeWidth={1.5} strokeLinejoin="round" />
          {points.filter(failed).map((p) => (
            <circle key={p.at} cx={x(p.at)} cy={y(p.responseMs ?? 0)} r={3} fill={theme.colors.red[6]} />
          ))}
          {hovered && <line x1={x(hovered.at)} x2={x(hovered.at)} y1={margin.top} y2={margin.top + innerHeight} stroke={theme.colors.gray[5]} />}
        </svg>
      )}
      {hovered && (
        <Paper
          withBorder
          shadow="xs"
          p={6}
          pos="absolute"
          top={0}
          // Kept inside the chart: left of the cursor line on the right half.
          style={x(hovered.at) > width / 2 ? { right: width - x(hovered.at) + 8 } : { left: x(hovered.at) + 8 }}
        >
          <Text size="xs">{formatDateTime(hovered.at, zone)}</Text>
          <Text size="xs" fw={500}>
            {hovered.responseMs === null ? 'No response' : formatResponseTime(hovered.responseMs)}
            {perCheck ? '' : ' hourly average'}
          </Text>
          {failed(hovered) && (
            <Text size="xs" c="red">
              {perCheck ? 'Check failed' : `${hovered.checks - hovered.up} of ${hovered.checks} checks failed`}
            </Text>
          )}
        </Paper>
      )}
    </Box>
  );
}
