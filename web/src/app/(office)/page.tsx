import { HomeOverview } from '../../components/office/HomeOverview';

export default function HomePage() {
  return <HomeOverview />;
}
